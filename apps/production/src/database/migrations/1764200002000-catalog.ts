import { MigrationInterface, QueryRunner } from 'typeorm';

/** The product catalog and the work centres with their capacity calendar, owned by production (R2.4, R3.2, R3.3). */
export class Catalog1764200002000 implements MigrationInterface {
  name = 'Catalog1764200002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_centre (
        code           text PRIMARY KEY,
        name           text NOT NULL,
        "hoursPerDay"  numeric(5,2) NOT NULL CHECK ("hoursPerDay" >= 0 AND "hoursPerDay" <= 24),
        "createdAt"    timestamptz NOT NULL DEFAULT now()
      )`);
    // Days that differ from the normal daily figure (holidays, maintenance, extra shifts); issue 5 adds the load.
    await q.query(`
      CREATE TABLE work_centre_calendar_exception (
        "workCentre"  text NOT NULL REFERENCES work_centre(code) ON DELETE CASCADE,
        date          date NOT NULL,
        hours         numeric(5,2) NOT NULL CHECK (hours >= 0 AND hours <= 24),
        reason        text,
        PRIMARY KEY ("workCentre", date)
      )`);
    await q.query(`
      CREATE TABLE product (
        code             text PRIMARY KEY,
        name             text NOT NULL,
        specifications   text[] NOT NULL,
        "leadTimeDays"   integer NOT NULL CHECK ("leadTimeDays" >= 0),
        "capacityUse"    jsonb NOT NULL,
        "bomRef"         text,
        "standardCost"   numeric(18,2) NOT NULL CHECK ("standardCost" >= 0),
        currency         char(3) NOT NULL,
        active           boolean NOT NULL,
        version          integer NOT NULL,
        "createdAt"      timestamptz NOT NULL DEFAULT now(),
        "updatedAt"      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_active ON product (active, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product`);
    await q.query(`DROP TABLE work_centre_calendar_exception`);
    await q.query(`DROP TABLE work_centre`);
  }
}
