import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sales' settlement lists (R7.1-7.2): one per delivered order, its lines, the customer's reconciliation and finance's decision. */
export class Settlement1796700000000 implements MigrationInterface {
  name = 'Settlement1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_settlement (
        "orderId"         uuid PRIMARY KEY REFERENCES sales_order(id) ON DELETE CASCADE,
        id                uuid NOT NULL UNIQUE,
        status            text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
        lines             jsonb NOT NULL,
        "totalAmount"     numeric(18,2) NOT NULL,
        "orderedAmount"   numeric(18,2) NOT NULL,
        currency          char(3) NOT NULL,
        "paymentTerms"    text,
        revision          integer NOT NULL,
        "draftedBy"       text NOT NULL,
        "draftedAt"       timestamptz NOT NULL,
        reconciliation    jsonb,
        "submittedBy"     text,
        "submittedAt"     timestamptz,
        review            jsonb,
        invoice           jsonb,
        "paidAt"          timestamptz,
        version           integer NOT NULL,
        CHECK (status = 'DRAFT' OR (reconciliation IS NOT NULL AND "submittedAt" IS NOT NULL)),
        CHECK (status <> 'APPROVED' OR invoice IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_settlement`);
  }
}
