import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReceivedOrders1764100000500 implements MigrationInterface {
  name = 'ReceivedOrders1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE received_order (
        "orderId"             uuid PRIMARY KEY,
        number                text NOT NULL,
        "customerId"          uuid NOT NULL,
        "deliveryDate"        date,
        currency              char(3) NOT NULL,
        "totalAmount"         numeric(18,2) NOT NULL,
        lines                 jsonb NOT NULL,
        "specialRequirements" jsonb NOT NULL,
        "sourceEventId"       uuid NOT NULL,
        "receivedAt"          timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE received_order`);
  }
}

/** The issued version of the order (R4.2, R4.3): who signed, when, and the document's verification code. */
export class ReceivedOrderIssue1764100000700 implements MigrationInterface {
  name = 'ReceivedOrderIssue1764100000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE received_order ADD COLUMN "issuedAt" timestamptz, ADD COLUMN "signedBy" text, ADD COLUMN "documentHash" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE received_order DROP COLUMN "issuedAt", DROP COLUMN "signedBy", DROP COLUMN "documentHash"`);
  }
}

/** The order's status on a department's copy (OrderStatusCopyModule): logistics ships READY_TO_SHIP orders only. */
export class ReceivedOrderStatus1796200000800 implements MigrationInterface {
  name = 'ReceivedOrderStatus1796200000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE received_order ADD COLUMN status text, ADD COLUMN "statusVersion" int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE received_order DROP COLUMN status, DROP COLUMN "statusVersion"`);
  }
}

/** Every migration of the department order copy, in order: what each department service lists first. */
export const DEPARTMENT_ORDER_MIGRATIONS = [ReceivedOrders1764100000500, ReceivedOrderIssue1764100000700, ReceivedOrderStatus1796200000800];
