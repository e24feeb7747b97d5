import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer's open and overdue invoice amounts are derived from finance's invoices and payments (issue 16 item 6),
 * so the columns that held them (seeded for the demo) go: there is one truth, the invoices.
 */
export class CreditFromInvoices1796700002000 implements MigrationInterface {
  name = 'CreditFromInvoices1796700002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_account DROP COLUMN "openInvoiceAmount", DROP COLUMN "overdueAmount"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_account ADD COLUMN "openInvoiceAmount" numeric(18,2) NOT NULL DEFAULT 0, ADD COLUMN "overdueAmount" numeric(18,2) NOT NULL DEFAULT 0`);
  }
}
