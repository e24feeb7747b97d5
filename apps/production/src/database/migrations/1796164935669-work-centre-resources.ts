import { MigrationInterface, QueryRunner } from 'typeorm';

/** The resources a plan task is given on a work centre (R5.1): its crew per shift and its equipment. */
export class WorkCentreResources1796164935669 implements MigrationInterface {
  name = 'WorkCentreResources1796164935669';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_centre ADD COLUMN staff integer NOT NULL DEFAULT 1 CHECK (staff >= 0)`);
    await q.query(`ALTER TABLE work_centre ADD COLUMN equipment text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_centre DROP COLUMN equipment`);
    await q.query(`ALTER TABLE work_centre DROP COLUMN staff`);
  }
}
