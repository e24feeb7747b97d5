import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hourly rates per work centre (R5.6): labour and overhead, in integer minor units of `rateCurrency`. Every centre,
 * the demo ones included, starts at 20.00 CNY labour and 12.00 CNY overhead an hour, figures in line with the demo
 * catalog's standard costs (a quarter of a product's standard cost is labour, 15 % overhead, over its routing's
 * hours); the production head sets each centre's own with PUT /work-centres/{code}/rates.
 */
export class WorkCentreRates1796400000100 implements MigrationInterface {
  name = 'WorkCentreRates1796400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_centre ADD COLUMN "labourRateMinor" bigint NOT NULL DEFAULT 2000 CHECK ("labourRateMinor" >= 0)`);
    await q.query(`ALTER TABLE work_centre ADD COLUMN "overheadRateMinor" bigint NOT NULL DEFAULT 1200 CHECK ("overheadRateMinor" >= 0)`);
    await q.query(`ALTER TABLE work_centre ADD COLUMN "rateCurrency" char(3) NOT NULL DEFAULT 'CNY'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_centre DROP COLUMN "rateCurrency"`);
    await q.query(`ALTER TABLE work_centre DROP COLUMN "overheadRateMinor"`);
    await q.query(`ALTER TABLE work_centre DROP COLUMN "labourRateMinor"`);
  }
}
