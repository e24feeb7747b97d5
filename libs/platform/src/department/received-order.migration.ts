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
