import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys hold a whole answer and expire (issue 11 item 1): the answer's headers (ETag, Location,
 * Content-Type) beside status and body, and an index for the prune by age. Claims without an answer were left
 * by the design before, where the claim had its own commit; nothing will ever complete them, so they go.
 */
export class IdempotencyAnswers1796164531236 implements MigrationInterface {
  name = 'IdempotencyAnswers1796164531236';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_key WHERE completed_at IS NULL`);
    await q.query(`ALTER TABLE idempotency_key ADD COLUMN response_headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_key_created_at`);
    await q.query(`ALTER TABLE idempotency_key DROP COLUMN response_headers`);
  }
}
