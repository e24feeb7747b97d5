import { MigrationInterface, QueryRunner } from 'typeorm';

/** Finance's read copy of production's catalog: the standard cost per product (R3.6). */
export class FinanceCatalogCopy1764300005000 implements MigrationInterface {
  name = 'FinanceCatalogCopy1764300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_catalog_product (
        code             text PRIMARY KEY,
        name             text NOT NULL,
        "standardCost"   numeric(18,2) NOT NULL CHECK ("standardCost" >= 0),
        currency         char(3) NOT NULL,
        active           boolean NOT NULL,
        "updatedAt"      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance_catalog_product`);
  }
}
