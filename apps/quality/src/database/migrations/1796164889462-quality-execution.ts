import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quality's execution records (R5.3): inspection plans, inspections, nonconformances, numbering, results per order. */
export class QualityExecution1796164889462 implements MigrationInterface {
  name = 'QualityExecution1796164889462';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality_inspection_plan (
        id              uuid PRIMARY KEY,
        "orderId"       uuid NOT NULL UNIQUE REFERENCES received_order("orderId") ON DELETE CASCADE,
        "orderNumber"   text NOT NULL,
        items           jsonb NOT NULL,
        "reviewTaskId"  uuid,
        "draftedAt"     timestamptz NOT NULL
      )`);
    // The order's quality results: the row every change of them locks first, and the revision it announces.
    await q.query(`
      CREATE TABLE quality_order_results (
        "orderId"    uuid PRIMARY KEY REFERENCES received_order("orderId") ON DELETE CASCADE,
        revision     integer NOT NULL DEFAULT 0,
        "changedAt"  timestamptz
      )`);
    // One row per kind of document and year, incremented in the recording transaction: numbers have no gaps.
    await q.query(`
      CREATE TABLE quality_number_sequence (
        kind          text NOT NULL,
        year          integer NOT NULL,
        last_value    integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      CREATE TABLE quality_inspection (
        id                   uuid PRIMARY KEY,
        "orderId"            uuid NOT NULL REFERENCES quality_order_results("orderId") ON DELETE CASCADE,
        stage                text NOT NULL CHECK (stage IN ('INCOMING', 'IN_PROCESS', 'FINAL')),
        lot                  text NOT NULL,
        "quantityInspected"  integer NOT NULL CHECK ("quantityInspected" > 0),
        result               text NOT NULL CHECK (result IN ('PASS', 'FAIL')),
        findings             text,
        "reportNumber"       text UNIQUE,
        "inspectedBy"        text NOT NULL,
        "inspectedAt"        timestamptz NOT NULL,
        CHECK ((result = 'PASS') = ("reportNumber" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX quality_inspection_order ON quality_inspection ("orderId", "inspectedAt")`);
    await q.query(`
      CREATE TABLE quality_nonconformance (
        id                  uuid PRIMARY KEY,
        number              text NOT NULL UNIQUE,
        "orderId"           uuid NOT NULL REFERENCES quality_order_results("orderId") ON DELETE CASCADE,
        "inspectionId"      uuid NOT NULL UNIQUE REFERENCES quality_inspection(id),
        description         text NOT NULL,
        status              text NOT NULL CHECK (status IN ('OPEN', 'DISPOSITIONED', 'CLOSED')),
        disposition         text CHECK (disposition IN ('REWORK', 'SCRAP', 'USE_AS_IS', 'RETURN_TO_SUPPLIER')),
        "dispositionNote"   text,
        "dispositionedBy"   text,
        "dispositionedAt"   timestamptz,
        "raisedBy"          text NOT NULL,
        "raisedAt"          timestamptz NOT NULL,
        "closedBy"          text,
        "closedAt"          timestamptz,
        version             integer NOT NULL,
        CHECK (status = 'OPEN' OR disposition IS NOT NULL),
        CHECK ((status = 'CLOSED') = ("closedAt" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX quality_nonconformance_order ON quality_nonconformance ("orderId", "raisedAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality_nonconformance`);
    await q.query(`DROP TABLE quality_inspection`);
    await q.query(`DROP TABLE quality_number_sequence`);
    await q.query(`DROP TABLE quality_order_results`);
    await q.query(`DROP TABLE quality_inspection_plan`);
  }
}
