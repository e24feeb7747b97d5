import { MigrationInterface, QueryRunner } from 'typeorm';

/** Purchasing's read copy of production's catalog: product -> bill of materials and lead time (R3.5). */
export class PurchasingCatalogCopy1764300003000 implements MigrationInterface {
  name = 'PurchasingCatalogCopy1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE purchasing_catalog_product (
        code             text PRIMARY KEY,
        name             text NOT NULL,
        "bomRef"         text,
        "leadTimeDays"   integer NOT NULL,
        active           boolean NOT NULL,
        "updatedAt"      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE purchasing_catalog_product`);
  }
}
