import { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes on invoices (R7.3): opened with a reason, escalated to legal, resolved with a resolution; one open per invoice. */
export class Disputes1796700003000 implements MigrationInterface {
  name = 'Disputes1796700003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_dispute (
        id                uuid PRIMARY KEY,
        "invoiceId"       uuid NOT NULL REFERENCES finance_invoice(id),
        status            text NOT NULL CHECK (status IN ('OPEN', 'ESCALATED', 'RESOLVED')),
        reason            text NOT NULL,
        "openedBy"        text NOT NULL,
        "openedAt"        timestamptz NOT NULL,
        "escalationNote"  text,
        "escalatedBy"     text,
        "escalatedAt"     timestamptz,
        resolution        text,
        "resolvedBy"      text,
        "resolvedAt"      timestamptz,
        CHECK ((status = 'RESOLVED') = (resolution IS NOT NULL))
      )`);
    // At most one open dispute per invoice, whatever races.
    await q.query(`CREATE UNIQUE INDEX finance_dispute_open ON finance_dispute ("invoiceId") WHERE status <> 'RESOLVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_dispute`);
  }
}
