import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: dead letters an operator can list and replay (who replayed, when, how often, which kind of failure put
 * it there), and indexes for pruning the inbox and the dead letters by retention.
 */
export class DeadLetterReplay1796164540107 implements MigrationInterface {
  name = 'DeadLetterReplay1796164540107';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dead_letter ADD COLUMN kind text NOT NULL DEFAULT 'failing'`);
    await q.query(`ALTER TABLE dead_letter ADD COLUMN replay_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE dead_letter ADD COLUMN replayed_at timestamptz`);
    await q.query(`ALTER TABLE dead_letter ADD COLUMN replayed_by text`);
    await q.query(`CREATE INDEX dead_letter_created ON dead_letter (created_at)`);
    await q.query(`CREATE INDEX inbox_processed ON inbox (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_processed`);
    await q.query(`DROP INDEX dead_letter_created`);
    await q.query(`ALTER TABLE dead_letter DROP COLUMN replayed_by, DROP COLUMN replayed_at, DROP COLUMN replay_count, DROP COLUMN kind`);
  }
}
