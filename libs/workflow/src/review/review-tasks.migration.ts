import { MigrationInterface, QueryRunner } from 'typeorm';

/** Review tasks of the departments a service reviews for (R3). */
export class ReviewTasks1764100000600 implements MigrationInterface {
  name = 'ReviewTasks1764100000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_task (
        id              uuid PRIMARY KEY,
        "orderId"       uuid NOT NULL,
        round           integer NOT NULL,
        department      text NOT NULL,
        status          text NOT NULL,
        major           boolean NOT NULL,
        "openedAt"      timestamptz NOT NULL,
        "dueAt"         timestamptz NOT NULL,
        "escalatedAt"   timestamptz,
        assessment      jsonb NOT NULL,
        "order"         jsonb NOT NULL,
        conclusion      text,
        opinion         text,
        proposals       jsonb NOT NULL,
        reviewer        text,
        "reviewerRole"  text,
        "autoConfirmed" boolean NOT NULL,
        "decidedAt"     timestamptz,
        version         integer NOT NULL,
        UNIQUE ("orderId", round, department)
      )`);
    await q.query(`CREATE INDEX review_task_due ON review_task ("dueAt") WHERE status = 'OPEN' AND "escalatedAt" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_task`);
  }
}

