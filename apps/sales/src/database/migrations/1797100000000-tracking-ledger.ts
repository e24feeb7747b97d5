import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tracking ledger (R6.2): one row per fact any department reported about an order, numbered per order. */
export class TrackingLedger1797100000000 implements MigrationInterface {
  name = 'TrackingLedger1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_ledger_entry (
        "eventId"     uuid PRIMARY KEY,
        "orderId"     uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        seq           integer NOT NULL CHECK (seq > 0),
        at            timestamptz NOT NULL,
        department    text NOT NULL,
        actor         text NOT NULL,
        kind          text NOT NULL,
        summary       text NOT NULL,
        "refType"     text NOT NULL,
        "refId"       text NOT NULL,
        data          jsonb NOT NULL DEFAULT '{}'::jsonb,
        publisher     text NOT NULL,
        "publisherSeq" bigint,
        "causationId" uuid,
        topic         text NOT NULL,
        "partition"   integer NOT NULL,
        "offset"      bigint NOT NULL,
        "recordedAt"  timestamptz NOT NULL DEFAULT now(),
        -- Deferred: a fact placed before entries already there moves them down by one in its transaction.
        CONSTRAINT sales_ledger_entry_order_seq UNIQUE ("orderId", seq) DEFERRABLE INITIALLY DEFERRED
      )`);
    // The weekly reports read a week's entries by their time.
    await q.query(`CREATE INDEX sales_ledger_entry_at ON sales_ledger_entry (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sales_ledger_entry');
  }
}
