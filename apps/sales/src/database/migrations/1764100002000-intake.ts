import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers, leads, read copies of finance's credit and production's catalog, preliminary reviews (R2). */
export class Intake1764100002000 implements MigrationInterface {
  name = 'Intake1764100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_customer (
        id               uuid PRIMARY KEY,
        name             text NOT NULL,
        "contactPerson"  text NOT NULL,
        phone            text NOT NULL,
        email            text,
        address          text,
        version          integer NOT NULL,
        "createdAt"      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sales_customer_name ON sales_customer (lower(name))`);
    // Read copy of finance's credit account (finance owns it; fed by finance.credit.updated.v1).
    await q.query(`
      CREATE TABLE sales_customer_credit (
        "customerId"         uuid PRIMARY KEY,
        "creditLimit"        numeric(18,2),
        currency             char(3) NOT NULL,
        "openOrderAmount"    numeric(18,2) NOT NULL,
        "openInvoiceAmount"  numeric(18,2) NOT NULL,
        exposure             numeric(18,2) NOT NULL,
        "overdueAmount"      numeric(18,2) NOT NULL,
        "updatedAt"          timestamptz NOT NULL
      )`);
    // Read copy of production's catalog (fed by production.product.updated.v1).
    await q.query(`
      CREATE TABLE sales_catalog_product (
        code             text PRIMARY KEY,
        name             text NOT NULL,
        specifications   jsonb NOT NULL,
        "leadTimeDays"   integer NOT NULL,
        active           boolean NOT NULL,
        "updatedAt"      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sales_lead (
        id                 uuid PRIMARY KEY,
        source             text NOT NULL,
        campaign           text,
        "companyName"      text NOT NULL,
        "contactPerson"    text NOT NULL,
        phone              text,
        email              text,
        interest           text NOT NULL,
        status             text NOT NULL,
        "customerId"       uuid,
        "convertedOrderId" uuid,
        "createdBy"        text,
        version            integer NOT NULL,
        "createdAt"        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE sales_order ADD COLUMN "preliminaryReview" jsonb, ADD COLUMN escalation jsonb`);
    await q.query(`
      CREATE TABLE sales_preliminary_review (
        id          bigserial PRIMARY KEY,
        "orderId"   uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        "ranAt"     timestamptz NOT NULL,
        outcome     text NOT NULL,
        checks      jsonb NOT NULL,
        missing     jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX sales_preliminary_review_order ON sales_preliminary_review ("orderId", id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_preliminary_review`);
    await q.query(`ALTER TABLE sales_order DROP COLUMN "preliminaryReview", DROP COLUMN escalation`);
    await q.query(`DROP TABLE sales_lead`);
    await q.query(`DROP TABLE sales_catalog_product`);
    await q.query(`DROP TABLE sales_customer_credit`);
    await q.query(`DROP TABLE sales_customer`);
  }
}
