import { MigrationInterface, QueryRunner } from 'typeorm';

/** Review rounds and sales' view of every department's task (R3.1-R3.8). */
export class Review1764100003000 implements MigrationInterface {
  name = 'Review1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_order ADD COLUMN complex boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE sales_review_round (
        "orderId"      uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        round          integer NOT NULL,
        status         text NOT NULL,
        major          boolean NOT NULL,
        "openedAt"     timestamptz NOT NULL,
        "concludedAt"  timestamptz,
        report         jsonb,
        chair          jsonb,
        revision       jsonb,
        PRIMARY KEY ("orderId", round)
      )`);
    await q.query(`
      CREATE TABLE sales_review_task (
        "orderId"        uuid NOT NULL,
        round            integer NOT NULL,
        department       text NOT NULL,
        "taskId"         uuid,
        status           text NOT NULL,
        "dueAt"          timestamptz,
        "escalatedAt"    timestamptz,
        "escalatedTo"    text,
        assessment       jsonb,
        conclusion       text,
        opinion          text,
        proposals        jsonb NOT NULL DEFAULT '[]',
        reviewer         text,
        "reviewerRole"   text,
        "autoConfirmed"  boolean NOT NULL DEFAULT false,
        "decidedAt"      timestamptz,
        PRIMARY KEY ("orderId", round, department),
        FOREIGN KEY ("orderId", round) REFERENCES sales_review_round("orderId", round) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_review_task`);
    await q.query(`DROP TABLE sales_review_round`);
    await q.query(`ALTER TABLE sales_order DROP COLUMN complex`);
  }
}
