import { MigrationInterface, QueryRunner } from 'typeorm';

/** The loss of each cancelled order (R8.5). */
export class CancellationLoss1797300005000 implements MigrationInterface {
  name = 'CancellationLoss1797300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_cancellation_loss (
        "orderId"            uuid PRIMARY KEY,
        "requestId"          uuid NOT NULL,
        "workDone"           numeric(18,2) NOT NULL,
        "materialsCommitted" numeric(18,2) NOT NULL,
        "restockingFees"     numeric(18,2) NOT NULL,
        total                numeric(18,2) NOT NULL,
        currency             char(3) NOT NULL,
        reason               text NOT NULL,
        "recordedAt"         timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_cancellation_loss`);
  }
}
