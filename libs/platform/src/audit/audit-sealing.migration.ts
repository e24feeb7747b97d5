import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTENT_COLUMNS = ['seq', 'id', 'occurred_at', 'service', 'actor', 'action', 'entity_type', 'entity_id', 'order_id', 'reason', 'before', 'after', 'correlation_id'];
const row = (alias: 'OLD' | 'NEW') => `(${CONTENT_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;

/**
 * Issue 11: audit entries are appended without a chain lock and sealed after commit. An entry is inserted with
 * no position and no hash; the sealer gives it both, once (the trigger lets exactly that update through and
 * nothing else). Entries written before this migration are sealed again by the sealer (the old hashes were
 * made under the chain lock with another formula). Checkpoints of the head are signed and append-only too.
 */
export class AuditSealing1796164479525 implements MigrationInterface {
  name = 'AuditSealing1796164479525';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry ADD COLUMN position bigint, ADD COLUMN sealed_at timestamptz`);
    await q.query(`ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await q.query(`ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_position UNIQUE (position)`);
    await q.query(`ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_sealed CHECK ((position IS NULL) = (hash IS NULL) AND (position IS NULL) = (prev_hash IS NULL))`);
    // Existing rows are sealed anew by the sealer: the seal update below is their way in.
    await q.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change`);
    await q.query(`UPDATE audit_entry SET prev_hash = NULL, hash = NULL`);
    await q.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change`);
    await q.query(`CREATE INDEX audit_entry_unsealed ON audit_entry (seq) WHERE position IS NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one change allowed: the sealer gives an unsealed entry its position and hash, content untouched.
        IF TG_OP = 'UPDATE' AND OLD.position IS NULL AND NEW.position IS NOT NULL AND NEW.hash IS NOT NULL
           AND ${row('NEW')} IS NOT DISTINCT FROM ${row('OLD')} THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await q.query(`
      CREATE TABLE audit_checkpoint (
        position   bigint PRIMARY KEY,
        hash       text NOT NULL,
        sealed_at  timestamptz NOT NULL,
        mac        text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_checkpoint is append-only';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only()`,
    );
    await q.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoint`);
    await q.query(`DROP FUNCTION audit_checkpoint_append_only()`);
    await q.query(`DROP INDEX audit_entry_unsealed`);
    await q.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_sealed, DROP CONSTRAINT audit_entry_position`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN position, DROP COLUMN sealed_at`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
  }
}
