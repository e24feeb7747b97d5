import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dunning notices of overdue invoices (R7.3): reminder, final notice, legal; each level once per invoice. */
export class Dunning1796700004000 implements MigrationInterface {
  name = 'Dunning1796700004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_dunning_notice (
        id              uuid PRIMARY KEY,
        "invoiceId"     uuid NOT NULL REFERENCES finance_invoice(id),
        level           text NOT NULL CHECK (level IN ('REMINDER', 'FINAL_NOTICE', 'LEGAL')),
        "daysOverdue"   integer NOT NULL CHECK ("daysOverdue" > 0),
        outstanding     numeric(18,2) NOT NULL,
        "noticeDate"    date NOT NULL,
        "recordedAt"    timestamptz NOT NULL,
        UNIQUE ("invoiceId", level)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_dunning_notice`);
  }
}
