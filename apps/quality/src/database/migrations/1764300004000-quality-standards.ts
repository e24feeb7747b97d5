import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quality standards attainable per product, owned by quality (R3.4). */
export class QualityStandards1764300004000 implements MigrationInterface {
  name = 'QualityStandards1764300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality_capability (
        "productCode"          text PRIMARY KEY,
        "attainableStandards"  text[] NOT NULL,
        "inspectionNotes"      text,
        "createdAt"            timestamptz NOT NULL DEFAULT now(),
        "updatedAt"            timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality_capability`);
  }
}
