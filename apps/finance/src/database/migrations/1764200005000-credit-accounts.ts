import { MigrationInterface, QueryRunner } from 'typeorm';

/** Credit accounts, owned by finance (R2.4): the limit, and the invoice figures exposure is computed from. */
export class CreditAccounts1764200005000 implements MigrationInterface {
  name = 'CreditAccounts1764200005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_account (
        "customerId"         uuid PRIMARY KEY,
        "customerName"       text,
        "creditLimit"        numeric(18,2) CHECK ("creditLimit" >= 0),
        currency             char(3) NOT NULL,
        "openInvoiceAmount"  numeric(18,2) NOT NULL DEFAULT 0,
        "overdueAmount"      numeric(18,2) NOT NULL DEFAULT 0,
        version              integer NOT NULL,
        "createdAt"          timestamptz NOT NULL DEFAULT now(),
        "updatedAt"          timestamptz NOT NULL DEFAULT now()
      )`);
    // Open-order exposure is summed per customer from finance's copy of the orders on every read.
    await q.query(`CREATE INDEX received_order_customer ON received_order ("customerId", currency)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX received_order_customer`);
    await q.query(`DROP TABLE credit_account`);
  }
}
