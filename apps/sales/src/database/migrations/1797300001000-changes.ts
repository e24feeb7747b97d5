import { MigrationInterface, QueryRunner } from 'typeorm';

/** Change and cancellation requests (R8.1-8.6): the requests, the departments' impacts, their approvals, the order's versions. */
export class Changes1797300001000 implements MigrationInterface {
  name = 'Changes1797300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_order ADD COLUMN "pendingChange" jsonb`);
    await q.query(`
      CREATE TABLE sales_change_request (
        id               uuid PRIMARY KEY,
        "orderId"        uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        kind             text NOT NULL CHECK (kind IN ('CHANGE', 'CANCELLATION')),
        status           text NOT NULL CHECK (status IN ('UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED', 'APPLIED', 'REJECTED')),
        reason           text NOT NULL,
        changes          jsonb NOT NULL,
        current          jsonb NOT NULL,
        proposed         jsonb NOT NULL,
        "requestedBy"    text,
        "requestedAt"    timestamptz NOT NULL,
        outcome          text,
        "closedAt"       timestamptz,
        "appliedVersion" integer
      )`);
    await q.query(`CREATE INDEX sales_change_request_order ON sales_change_request ("orderId", "requestedAt")`);
    // At most one open request per order: the semantic lock (R8.3) also holds in the database.
    await q.query(`CREATE UNIQUE INDEX sales_change_request_open ON sales_change_request ("orderId") WHERE status IN ('UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED')`);
    await q.query(`
      CREATE TABLE sales_change_impact (
        "requestId"  uuid NOT NULL REFERENCES sales_change_request(id) ON DELETE CASCADE,
        department   text NOT NULL,
        status       text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
        assessment   jsonb,
        conclusion   text CHECK (conclusion IN ('PASS', 'FAIL')),
        impact       text,
        opinion      text,
        "answeredBy" text,
        "answeredAt" timestamptz,
        PRIMARY KEY ("requestId", department),
        CHECK (status = 'OPEN' OR conclusion IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE sales_change_approval (
        "requestId"  uuid NOT NULL REFERENCES sales_change_request(id) ON DELETE CASCADE,
        step         text NOT NULL,
        seq          integer NOT NULL,
        status       text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        "decidedBy"  text,
        "decidedAt"  timestamptz,
        comment      text,
        PRIMARY KEY ("requestId", step)
      )`);
    await q.query(`
      CREATE TABLE sales_order_version (
        "orderId"    uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        version      integer NOT NULL CHECK (version > 1),
        "requestId"  uuid NOT NULL REFERENCES sales_change_request(id),
        changes      jsonb NOT NULL,
        "changedBy"  text,
        "changedAt"  timestamptz NOT NULL,
        PRIMARY KEY ("orderId", version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_order_version`);
    await q.query(`DROP TABLE sales_change_approval`);
    await q.query(`DROP TABLE sales_change_impact`);
    await q.query(`DROP TABLE sales_change_request`);
    await q.query(`ALTER TABLE sales_order DROP COLUMN "pendingChange"`);
  }
}
