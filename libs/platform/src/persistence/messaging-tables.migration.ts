import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of the platform's messaging (N2), in every service's database: outbox, inbox, dead letters. */
export class MessagingTables1764100000000 implements MigrationInterface {
  name = 'MessagingTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        value        jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        sent_at      timestamptz,
        attempts     integer NOT NULL DEFAULT 0,
        last_error   text
      )`);
    await q.query(`CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer      text NOT NULL,
        event_id      uuid NOT NULL,
        topic         text NOT NULL,
        "partition"   integer NOT NULL,
        "offset"      bigint NOT NULL,
        processed_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE dead_letter (
        id           bigserial PRIMARY KEY,
        consumer     text NOT NULL,
        topic        text NOT NULL,
        "partition"  integer NOT NULL,
        "offset"     bigint NOT NULL,
        message_key  text,
        value        text,
        error        text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letter`);
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TABLE outbox`);
  }
}
