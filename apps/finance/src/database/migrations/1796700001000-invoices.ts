import { MigrationInterface, QueryRunner } from 'typeorm';

/** Settlement in finance (R7.2): the submitted settlement lists, invoices numbered gap-free per year (INV-yyyy-nnnnnn) and their payments. */
export class Invoices1796700001000 implements MigrationInterface {
  name = 'Invoices1796700001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_number_sequence (
        kind          text NOT NULL,
        year          integer NOT NULL,
        last_value    integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      CREATE TABLE finance_settlement (
        "orderId"         uuid PRIMARY KEY,
        "settlementId"    uuid NOT NULL,
        revision          integer NOT NULL,
        "orderNumber"     text NOT NULL,
        "customerId"      uuid NOT NULL,
        currency          char(3) NOT NULL,
        "paymentTerms"    text,
        lines             jsonb NOT NULL,
        "totalAmount"     numeric(18,2) NOT NULL,
        reconciliation    jsonb NOT NULL,
        "submittedBy"     text NOT NULL,
        "submittedAt"     timestamptz NOT NULL,
        status            text NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
        "reviewedBy"      text,
        "reviewedAt"      timestamptz,
        comment           text
      )`);
    await q.query(`
      CREATE TABLE finance_invoice (
        id                    uuid PRIMARY KEY,
        number                text NOT NULL UNIQUE,
        "orderId"             uuid NOT NULL UNIQUE REFERENCES finance_settlement("orderId"),
        "orderNumber"         text NOT NULL,
        "customerId"          uuid NOT NULL,
        "settlementId"        uuid NOT NULL,
        amount                numeric(18,2) NOT NULL CHECK (amount > 0),
        currency              char(3) NOT NULL,
        "paymentTerms"        text,
        "issuedAt"            timestamptz NOT NULL,
        "dueDate"             date NOT NULL,
        "dueDateSource"       text NOT NULL CHECK ("dueDateSource" IN ('PAYMENT_TERMS', 'FINANCE')),
        "issuedBy"            text NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'PARTIALLY_PAID', 'PAID', 'DISPUTED', 'VOID')),
        "overdueAnnouncedOn"  date,
        version               integer NOT NULL
      )`);
    await q.query(`CREATE INDEX finance_invoice_customer ON finance_invoice ("customerId", "dueDate")`);
    await q.query(`
      CREATE TABLE finance_payment (
        id              uuid PRIMARY KEY,
        "invoiceId"     uuid NOT NULL REFERENCES finance_invoice(id),
        amount          numeric(18,2) NOT NULL CHECK (amount > 0),
        method          text NOT NULL CHECK (method IN ('BANK_TRANSFER', 'CHEQUE', 'CASH', 'OTHER')),
        "paidAt"        timestamptz NOT NULL,
        reference       text,
        "recordedBy"    text NOT NULL,
        "recordedAt"    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX finance_payment_invoice ON finance_payment ("invoiceId", "paidAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_payment`);
    await q.query(`DROP TABLE finance_invoice`);
    await q.query(`DROP TABLE finance_settlement`);
    await q.query(`DROP TABLE finance_number_sequence`);
  }
}
