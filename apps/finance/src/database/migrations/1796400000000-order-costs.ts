import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost accounting per order (R5.6): the order's planned cost from finance's review estimate and the actual costs
 * reported by production (hours at the work centre's rates) and purchasing (accepted receipts, reserved stock),
 * money in integer minor units.
 */
export class OrderCosts1796400000000 implements MigrationInterface {
  name = 'OrderCosts1796400000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per order: the row every writer of the order's costs locks first, and the plan.
    await q.query(`
      CREATE TABLE finance_order_cost (
        "orderId"            uuid PRIMARY KEY REFERENCES received_order("orderId") ON DELETE CASCADE,
        currency             char(3) NOT NULL,
        "plannedMaterials"   bigint,
        "plannedLabour"      bigint,
        "plannedOverhead"    bigint,
        "plannedTotal"       bigint,
        "reviewTaskId"       uuid,
        "reviewRound"        integer,
        "costBasis"          text,
        "uncostedLines"      integer[] NOT NULL DEFAULT '{}',
        "plannedAt"          timestamptz,
        "stockComputedAt"    timestamptz,
        CHECK ("plannedTotal" IS NULL OR "plannedTotal" = "plannedMaterials" + "plannedLabour" + "plannedOverhead")
      )`);
    await q.query(`
      CREATE TABLE finance_cost_entry (
        id                uuid PRIMARY KEY,
        "orderId"         uuid NOT NULL REFERENCES finance_order_cost("orderId") ON DELETE CASCADE,
        category          text NOT NULL CHECK (category IN ('MATERIALS', 'LABOUR', 'OVERHEAD')),
        source            text NOT NULL CHECK (source IN ('WORK_REPORT', 'RECEIPT', 'RESERVED_STOCK')),
        ref               text NOT NULL,
        "sourceKey"       text NOT NULL UNIQUE,
        amount            bigint,
        currency          char(3),
        detail            jsonb NOT NULL,
        "sourceEventId"   uuid NOT NULL,
        "occurredAt"      timestamptz NOT NULL,
        "recordedAt"      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX finance_cost_entry_order ON finance_cost_entry ("orderId", source)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_cost_entry`);
    await q.query(`DROP TABLE finance_order_cost`);
  }
}
