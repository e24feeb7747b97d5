import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Production plans of issued orders (R5.1), their tasks, checkpoints and problems; quality's control measures
 * kept with the order copy (R3.4); and the load ledger: the hours each plan holds per work centre and day (R3.3).
 */
export class ProductionPlans1796164935670 implements MigrationInterface {
  name = 'ProductionPlans1796164935670';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_quality_measures (
        "orderId"      uuid PRIMARY KEY,
        round          integer NOT NULL,
        measures       jsonb NOT NULL,
        "receivedAt"   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE production_plan (
        id                     uuid PRIMARY KEY,
        "orderId"              uuid NOT NULL UNIQUE REFERENCES received_order("orderId"),
        "orderNumber"          text NOT NULL,
        status                 text NOT NULL CHECK (status IN ('DRAFT', 'RELEASED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED')),
        version                integer NOT NULL,
        "deliveryDate"         date,
        "shippingDays"         integer NOT NULL,
        deadline               date,
        "plannedEnd"           timestamptz,
        late                   boolean NOT NULL,
        "earliestDeliveryDate" date,
        "unplannedLines"       jsonb NOT NULL,
        "quantityOrdered"      integer NOT NULL,
        "quantityProduced"     integer,
        "completionReason"     text,
        "releasedBy"           text,
        "releasedAt"           timestamptz,
        "completedBy"          text,
        "completedAt"          timestamptz,
        "stoppedBy"            text,
        "stoppedAt"            timestamptz,
        "stopReason"           text,
        "createdAt"            timestamptz NOT NULL DEFAULT now(),
        "updatedAt"            timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE production_task (
        id                uuid PRIMARY KEY,
        "planId"          uuid NOT NULL REFERENCES production_plan(id) ON DELETE CASCADE,
        seq               integer NOT NULL,
        "lineNo"          integer NOT NULL,
        name              text NOT NULL,
        "workCentre"      text NOT NULL REFERENCES work_centre(code),
        hours             numeric(12,4) NOT NULL,
        "staffCount"      integer NOT NULL,
        equipment         text[] NOT NULL,
        "plannedStart"    timestamptz NOT NULL,
        "plannedEnd"      timestamptz NOT NULL,
        status            text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE')),
        "progressPercent" integer NOT NULL CHECK ("progressPercent" BETWEEN 0 AND 100),
        "lastNote"        text,
        UNIQUE ("planId", seq)
      )`);
    await q.query(`
      CREATE TABLE production_checkpoint (
        id        uuid PRIMARY KEY,
        "planId"  uuid NOT NULL REFERENCES production_plan(id) ON DELETE CASCADE,
        seq       integer NOT NULL,
        name      text NOT NULL,
        source    text NOT NULL CHECK (source IN ('QUALITY_REVIEW', 'STANDARD')),
        UNIQUE ("planId", seq)
      )`);
    await q.query(`
      CREATE TABLE production_problem (
        id             uuid PRIMARY KEY,
        "planId"       uuid NOT NULL REFERENCES production_plan(id),
        "orderId"      uuid NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('EQUIPMENT_FAILURE', 'STAFF_SHORTAGE', 'MATERIAL_LATE', 'TECHNICAL', 'OTHER')),
        severity       text NOT NULL CHECK (severity IN ('MINOR', 'MAJOR')),
        description    text NOT NULL,
        status         text NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
        "raisedBy"     text NOT NULL,
        "raisedAt"     timestamptz NOT NULL,
        resolution     text,
        "resolvedBy"   text,
        "resolvedAt"   timestamptz
      )`);
    await q.query(`CREATE INDEX production_problem_plan ON production_problem ("planId", status)`);
    // The load ledger (R3.3): a plan's hours per centre and day; an assessment sums the days of its horizon.
    await q.query(`
      CREATE TABLE capacity_load (
        "planId"      uuid NOT NULL REFERENCES production_plan(id),
        "orderId"     uuid NOT NULL,
        "workCentre"  text NOT NULL REFERENCES work_centre(code),
        date          date NOT NULL,
        hours         numeric(12,4) NOT NULL CHECK (hours > 0),
        "planStatus"  text NOT NULL,
        PRIMARY KEY ("planId", "workCentre", date)
      )`);
    await q.query(`CREATE INDEX capacity_load_day ON capacity_load ("workCentre", date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE capacity_load`);
    await q.query(`DROP TABLE production_problem`);
    await q.query(`DROP TABLE production_checkpoint`);
    await q.query(`DROP TABLE production_task`);
    await q.query(`DROP TABLE production_plan`);
    await q.query(`DROP TABLE order_quality_measures`);
  }
}
