import { MigrationInterface, QueryRunner } from 'typeorm';

/** An approved cancellation's saga (R8.5): each department's confirmation, stored, so a restart resumes from it. */
export class CancellationSaga1797300003000 implements MigrationInterface {
  name = 'CancellationSaga1797300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_change_request ADD COLUMN loss jsonb`);
    await q.query(`
      CREATE TABLE sales_cancellation_step (
        "requestId"    uuid NOT NULL REFERENCES sales_change_request(id) ON DELETE CASCADE,
        department     text NOT NULL,
        status         text NOT NULL CHECK (status IN ('PENDING', 'DONE', 'CANNOT_COMPLY')),
        detail         text,
        "confirmedAt"  timestamptz,
        PRIMARY KEY ("requestId", department)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_cancellation_step`);
    await q.query(`ALTER TABLE sales_change_request DROP COLUMN loss`);
  }
}
