import { MigrationInterface, QueryRunner } from 'typeorm';

/** How an order's cancellation was carried out on each of its contracts (R8.5). */
export class ContractCancellation1797300004000 implements MigrationInterface {
  name = 'ContractCancellation1797300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE purchase_contract ADD COLUMN cancellation jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE purchase_contract DROP COLUMN cancellation`);
  }
}
