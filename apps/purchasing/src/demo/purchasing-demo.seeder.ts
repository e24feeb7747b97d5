import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog, DemoData } from '@opm/platform';
import { DEMO_BOMS, DEMO_STOCK, DEMO_SUPPLIERS } from './demo-materials';

/**
 * Demo master data when DEMO_DATA is on: only what is missing is inserted (ON CONFLICT DO NOTHING), in one
 * transaction with an audit entry per new row, so restarts and replicas starting together change nothing.
 */
@Injectable()
export class PurchasingDemoSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoData,
    private readonly audit: AuditLog,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo suppliers, bills of materials and stock', async (m) => {
      const names: string[] = [];
      for (const s of DEMO_SUPPLIERS) {
        const row = await this.insert(
          m,
          `INSERT INTO supplier (code, name, materials, rating, active) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING code`,
          [s.code, s.name, JSON.stringify(s.materials), s.rating, s.active],
        );
        if (row) await this.recorded(m, names, 'supplier', s.code, s);
      }
      for (const b of DEMO_BOMS) {
        const row = await this.insert(
          m,
          `INSERT INTO bill_of_materials ("bomRef", description, lines) VALUES ($1, $2, $3) ON CONFLICT ("bomRef") DO NOTHING RETURNING "bomRef"`,
          [b.bomRef, b.description, JSON.stringify(b.lines)],
        );
        if (row) await this.recorded(m, names, 'bill-of-materials', b.bomRef, b);
      }
      for (const s of DEMO_STOCK) {
        const row = await this.insert(
          m,
          `INSERT INTO stock_item (material, description, unit, "onHand") VALUES ($1, $2, $3, $4) ON CONFLICT (material) DO NOTHING RETURNING material`,
          [s.material, s.description, s.unit, s.onHand],
        );
        if (row) await this.recorded(m, names, 'stock-item', s.material, s);
      }
      return names;
    });
  }

  private async insert(m: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
    const rows: unknown[] = await m.query(sql, params);
    return rows.length > 0;
  }

  private async recorded(m: EntityManager, names: string[], entityType: string, entityId: string, after: unknown): Promise<void> {
    await this.audit.record(m, { action: `${entityType}.created`, entityType, entityId, reason: 'demo data', after });
    names.push(entityId);
  }
}
