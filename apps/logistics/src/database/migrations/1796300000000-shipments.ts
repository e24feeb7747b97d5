import { MigrationInterface, QueryRunner } from 'typeorm';

/** Logistics' shipments of an order (R5.5), numbered gap-free per year (SH-yyyy-nnnnnn). */
export class Shipments1796300000000 implements MigrationInterface {
  name = 'Shipments1796300000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per kind of document and year, incremented in the recording transaction: numbers have no gaps.
    await q.query(`
      CREATE TABLE logistics_number_sequence (
        kind          text NOT NULL,
        year          integer NOT NULL,
        last_value    integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      CREATE TABLE logistics_shipment (
        id                     uuid PRIMARY KEY,
        number                 text NOT NULL UNIQUE,
        "orderId"              uuid NOT NULL REFERENCES received_order("orderId") ON DELETE CASCADE,
        status                 text NOT NULL CHECK (status IN ('PLANNED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
        lines                  jsonb NOT NULL,
        carrier                text NOT NULL,
        "plannedDate"          date NOT NULL,
        "transportMode"        text NOT NULL,
        packaging              text NOT NULL,
        "plannedBy"            text NOT NULL,
        "plannedAt"            timestamptz NOT NULL,
        "trackingNumber"       text,
        "dispatchedBy"         text,
        "dispatchedAt"         timestamptz,
        "receivedBy"           text,
        "receivedAt"           timestamptz,
        "deliveredLines"       jsonb,
        "deliveryNote"         text,
        "deliveryRecordedBy"   text,
        "deliveryRecordedAt"   timestamptz,
        version                integer NOT NULL,
        CHECK ((status IN ('DISPATCHED', 'DELIVERED')) = ("dispatchedAt" IS NOT NULL) OR status = 'CANCELLED'),
        CHECK ((status = 'DELIVERED') = ("receivedAt" IS NOT NULL AND "deliveredLines" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX logistics_shipment_order ON logistics_shipment ("orderId", "plannedAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE logistics_shipment`);
    await q.query(`DROP TABLE logistics_number_sequence`);
  }
}
