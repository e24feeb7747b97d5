import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each outbox row keeps the headers its message is sent with: the trace context of the work that wrote it (issue 11, item 4). */
export class OutboxHeaders1796165531573 implements MigrationInterface {
  name = 'OutboxHeaders1796165531573';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN headers jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN headers`);
  }
}
