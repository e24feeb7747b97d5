import { MigrationInterface, QueryRunner } from 'typeorm';

/** What sales keeps of an order's execution (R5.1, R5.3): production's plan facts and quality's latest results. */
export class Execution1796165802032 implements MigrationInterface {
  name = 'Execution1796165802032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_order_execution (
        "orderId"                uuid PRIMARY KEY REFERENCES sales_order(id) ON DELETE CASCADE,
        "planId"                 uuid,
        "releasedAt"             timestamptz,
        "releasedBy"             text,
        "plannedEnd"             timestamptz,
        late                     boolean,
        "completedAt"            timestamptz,
        "completedBy"            text,
        "quantityProduced"       integer,
        "stoppedAt"              timestamptz,
        "stoppedBy"              text,
        "stopReason"             text,
        "qualityRevision"        integer NOT NULL DEFAULT 0,
        "inspectionsPassed"      integer NOT NULL DEFAULT 0,
        "inspectionsFailed"      integer NOT NULL DEFAULT 0,
        "finalInspectionPassed"  boolean NOT NULL DEFAULT false,
        "openNonconformances"    integer NOT NULL DEFAULT 0,
        "qualityChangedAt"       timestamptz,
        "readyToShipAt"          timestamptz,
        "updatedAt"              timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_order_execution`);
  }
}
