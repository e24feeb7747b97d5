import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dunning e-mails (R7.3, issue 16 item 4): each level finance recorded, once, and whether it was mailed to the customer. */
export class DunningMail1797000001000 implements MigrationInterface {
  name = 'DunningMail1797000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_dunning_mail (
        id                uuid PRIMARY KEY,
        "orderId"         uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        "invoiceId"       uuid NOT NULL,
        "invoiceNumber"   text NOT NULL,
        "customerId"      uuid NOT NULL,
        level             text NOT NULL CHECK (level IN ('REMINDER', 'FINAL_NOTICE', 'LEGAL')),
        "daysOverdue"     integer NOT NULL,
        outstanding       bigint NOT NULL,
        currency          char(3) NOT NULL,
        "dueDate"         date NOT NULL,
        "dunnedAt"        timestamptz NOT NULL,
        status            text NOT NULL CHECK (status IN ('PENDING', 'MAILED', 'NO_SMTP', 'NO_ADDRESS')),
        "mailedTo"        text,
        attempts          integer NOT NULL DEFAULT 0,
        "lastError"       text,
        "mailedAt"        timestamptz,
        "messageId"       text,
        UNIQUE ("invoiceId", level),
        CHECK (status <> 'MAILED' OR ("mailedAt" IS NOT NULL AND "mailedTo" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX sales_dunning_mail_pending ON sales_dunning_mail ("dunnedAt") WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX sales_dunning_mail_order ON sales_dunning_mail ("orderId")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sales_dunning_mail');
  }
}
