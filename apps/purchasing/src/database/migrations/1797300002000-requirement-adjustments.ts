import { MigrationInterface, QueryRunner } from 'typeorm';

/** What each applied order change made purchasing buy or cancel (R8.3). */
export class RequirementAdjustments1797300002000 implements MigrationInterface {
  name = 'RequirementAdjustments1797300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE requirement_adjustment (
        "orderId"    uuid NOT NULL,
        version      integer NOT NULL,
        "requestId"  uuid NOT NULL,
        figures      jsonb NOT NULL,
        "adjustedAt" timestamptz NOT NULL,
        PRIMARY KEY ("orderId", version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE requirement_adjustment`);
  }
}
