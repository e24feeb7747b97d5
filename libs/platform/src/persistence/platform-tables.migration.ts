import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys and the append-only, hash-chained audit trail (N4), in every service's database. */
export class AuditAndIdempotencyTables1764100000200 implements MigrationInterface {
  name = 'AuditAndIdempotencyTables1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        scope          text NOT NULL,
        key            text NOT NULL,
        request_hash   text NOT NULL,
        status_code    integer,
        response       jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        completed_at   timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`
      CREATE TABLE audit_entry (
        seq             bigserial PRIMARY KEY,
        id              uuid NOT NULL UNIQUE,
        occurred_at     timestamptz NOT NULL,
        service         text NOT NULL,
        actor           jsonb NOT NULL,
        action          text NOT NULL,
        entity_type     text NOT NULL,
        entity_id       text NOT NULL,
        order_id        uuid,
        reason          text,
        before          jsonb,
        after           jsonb,
        correlation_id  text,
        prev_hash       text NOT NULL,
        hash            text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_entry_order ON audit_entry (order_id, seq)`);
    await q.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
    await q.query(`DROP TABLE idempotency_key`);
  }
}
