import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What sales keeps of an order's shipping (R5.5, R1.4): quantities shipped and delivered per line from logistics'
 * events, when it was dispatched and delivered, and the actual delivery date beside the promised one.
 */
export class Shipping1796300001000 implements MigrationInterface {
  name = 'Shipping1796300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sales_order_execution
        ADD COLUMN "shippedLines"          jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "deliveredLines"        jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "shipmentsDispatched"   integer NOT NULL DEFAULT 0,
        ADD COLUMN "shipmentsDelivered"    integer NOT NULL DEFAULT 0,
        ADD COLUMN "firstDispatchedAt"     timestamptz,
        ADD COLUMN "shippedAt"             timestamptz,
        ADD COLUMN "lastReceivedAt"        timestamptz,
        ADD COLUMN "deliveredAt"           timestamptz,
        ADD COLUMN "actualDeliveryAt"      timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sales_order_execution
        DROP COLUMN "shippedLines", DROP COLUMN "deliveredLines", DROP COLUMN "shipmentsDispatched", DROP COLUMN "shipmentsDelivered",
        DROP COLUMN "firstDispatchedAt", DROP COLUMN "shippedAt", DROP COLUMN "lastReceivedAt", DROP COLUMN "deliveredAt", DROP COLUMN "actualDeliveryAt"`);
  }
}
