import { MigrationInterface, QueryRunner } from 'typeorm';

/** Suppliers, bills of materials and stock, owned by purchasing (R3.5: materials, suppliers, lead times). */
export class Materials1764200003000 implements MigrationInterface {
  name = 'Materials1764200003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplier (
        code         text PRIMARY KEY,
        name         text NOT NULL,
        materials    jsonb NOT NULL,
        rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        active       boolean NOT NULL,
        "createdAt"  timestamptz NOT NULL DEFAULT now(),
        "updatedAt"  timestamptz NOT NULL DEFAULT now()
      )`);
    // "Who supplies X" is the question purchasing asks in a review: served by a GIN index on the materials list.
    await q.query(`CREATE INDEX supplier_materials ON supplier USING gin (materials jsonb_path_ops)`);
    await q.query(`
      CREATE TABLE bill_of_materials (
        "bomRef"       text PRIMARY KEY,
        description    text,
        lines          jsonb NOT NULL,
        "createdAt"    timestamptz NOT NULL DEFAULT now(),
        "updatedAt"    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stock_item (
        material     text PRIMARY KEY,
        description  text,
        unit         text NOT NULL,
        "onHand"     numeric(18,3) NOT NULL CHECK ("onHand" >= 0),
        "updatedAt"  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_item`);
    await q.query(`DROP TABLE bill_of_materials`);
    await q.query(`DROP TABLE supplier`);
  }
}
