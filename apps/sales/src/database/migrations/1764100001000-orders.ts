import { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1764100001000 implements MigrationInterface {
  name = 'Orders1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_order (
        id                    uuid PRIMARY KEY,
        number                text NOT NULL UNIQUE,
        status                text NOT NULL,
        version               integer NOT NULL,
        channel               text NOT NULL,
        "leadId"              uuid,
        "customerId"          uuid NOT NULL,
        "contactPerson"       text,
        "contactPhone"        text,
        "orderDate"           date NOT NULL,
        "deliveryDate"        date,
        "deliveryPlace"       text,
        "paymentTerms"        text,
        currency              char(3) NOT NULL,
        "totalAmount"         numeric(18,2) NOT NULL,
        "specialRequirements" jsonb NOT NULL,
        "createdBy"           text,
        "createdAt"           timestamptz NOT NULL DEFAULT now(),
        "updatedAt"           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sales_order_status ON sales_order (status)`);
    await q.query(`CREATE INDEX sales_order_customer ON sales_order ("customerId")`);
    await q.query(`
      CREATE TABLE sales_order_line (
        "orderId"       uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        "lineNo"        integer NOT NULL,
        "productCode"   text,
        "productName"   text,
        specification   text,
        quantity        integer NOT NULL CHECK (quantity > 0),
        "unitPrice"     numeric(18,2) NOT NULL,
        amount          numeric(18,2) NOT NULL,
        PRIMARY KEY ("orderId", "lineNo")
      )`);
    // One row per year; incremented inside the order's own transaction, so numbers have no gaps (R2.2).
    await q.query(`CREATE TABLE sales_order_number (year integer PRIMARY KEY, last_value integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_order_number`);
    await q.query(`DROP TABLE sales_order_line`);
    await q.query(`DROP TABLE sales_order`);
  }
}
