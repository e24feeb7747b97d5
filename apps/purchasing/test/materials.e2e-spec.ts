import { Client } from 'pg';
import request from 'supertest';
import { testDatabaseUrl, TestStack } from '@opm/testing';

interface SupplierItem {
  code: string;
  materials: { material: string; leadTimeDays: number; unitPrice: string; currency: string }[];
}

/** Purchasing's master data (R3.5) through the gateway: suppliers, bills of materials, stock. */
describe('purchasing: suppliers, bills of materials, stock (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const db = new Client({ connectionString: testDatabaseUrl('purchasing') });

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['purchasing'] });
    gateway = request(stack.member('gateway').baseUrl);
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db.end();
    await stack?.stop();
  });

  const as = (username: string) => stack.bearer(username);

  it('R3.5 GET /suppliers lists suppliers with lead times and prices; the solenoid has one slow source', async () => {
    const all = await gateway.get('/api/v1/suppliers').set('authorization', await as('sales.staff')).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 8 });
    const solenoid = await gateway.get('/api/v1/suppliers?material=SOLENOID-24V').set('authorization', await as('technical.head')).expect(200);
    expect(solenoid.body.total).toBe(1);
    expect(solenoid.body.items[0]).toMatchObject({
      code: 'SUP-TIANJIN-ELECTRO',
      active: true,
      materials: [{ material: 'SOLENOID-24V', leadTimeDays: 75, unitPrice: '120.00', currency: 'CNY' }],
    });
    const plate = await gateway.get('/api/v1/suppliers?material=STEEL-PLATE-10&active=true').set('authorization', await as('purchasing.head')).expect(200);
    expect(plate.body.items.map((s: SupplierItem) => s.code)).toEqual(['SUP-BAOSTEEL', 'SUP-JIANGSU-STEEL']);
    const one = await gateway.get('/api/v1/suppliers/SUP-HARBIN-BEARING').set('authorization', await as('quality.head')).expect(200);
    expect(one.body).toMatchObject({ rating: 5, materials: [{ material: 'BEARING-6205', leadTimeDays: 10 }] });
    await gateway.get('/api/v1/suppliers/SUP-NOBODY').set('authorization', await as('sales.staff')).expect(404);
    const bad = await gateway.get('/api/v1/suppliers?pageSize=0&active=1').set('authorization', await as('sales.staff')).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['pageSize', 'active']));
    await gateway.get('/api/v1/suppliers').expect(401);
  });

  it('R3.5 GET /purchasing/boms/{bomRef} gives the materials one unit of a catalog product needs', async () => {
    const bom = await gateway.get('/api/v1/purchasing/boms/BOM-P-300').set('authorization', await as('production.staff')).expect(200);
    expect(bom.body).toEqual({
      bomRef: 'BOM-P-300',
      description: 'Hydraulic valve HV-16',
      lines: [
        { material: 'VALVE-BODY-16', quantityPerUnit: 1 },
        { material: 'SEAL-KIT-16', quantityPerUnit: 1 },
        { material: 'SOLENOID-24V', quantityPerUnit: 1 },
      ],
    });
    const p100 = await gateway.get('/api/v1/purchasing/boms/BOM-P-100').set('authorization', await as('sales.staff')).expect(200);
    expect(p100.body.lines).toEqual([
      { material: 'STEEL-PLATE-10', quantityPerUnit: 0.8 },
      { material: 'BOLT-M16', quantityPerUnit: 8 },
    ]);
    const list = await gateway.get('/api/v1/purchasing/boms').set('authorization', await as('sales.staff')).expect(200);
    expect(list.body.items.map((b: { bomRef: string }) => b.bomRef)).toEqual(['BOM-P-100', 'BOM-P-200', 'BOM-P-300', 'BOM-P-400']);
    const missing = await gateway.get('/api/v1/purchasing/boms/BOM-X').set('authorization', await as('sales.staff')).expect(404);
    expect(missing.body).toMatchObject({ status: 404, detail: 'bill of materials BOM-X not found' });
  });

  it('R3.5 GET /purchasing/stock shows material on hand, filtered by material', async () => {
    const all = await gateway.get('/api/v1/purchasing/stock').set('authorization', await as('finance.staff')).expect(200);
    expect(all.body.total).toBe(8);
    const solenoid = await gateway.get('/api/v1/purchasing/stock?material=SOLENOID-24V').set('authorization', await as('sales.staff')).expect(200);
    expect(solenoid.body.items).toEqual([{ material: 'SOLENOID-24V', description: 'Solenoid coil 24 V DC', unit: 'pcs', onHand: 0, reserved: '0', free: '0', updatedAt: expect.any(String) }]);
    const plate = await gateway.get('/api/v1/purchasing/stock?material=STEEL-PLATE-10').set('authorization', await as('sales.staff')).expect(200);
    expect(plate.body.items[0]).toMatchObject({ unit: 'kg', onHand: 400 });
  });

  it('R3.5 the demo seed is idempotent: a restart keeps what is there, changed or not, and audits nothing new', async () => {
    await db.query(`UPDATE stock_item SET "onHand" = 12.5 WHERE material = 'BOLT-M16'`);
    // Only purchasing's master data: the audit trail also records every order this service receives.
    const seedAudit = `SELECT count(*)::int FROM audit_entry WHERE entity_type IN ('supplier', 'bill-of-materials', 'stock-item')`;
    const before = (await db.query(seedAudit)).rows[0].count;
    expect(before).toBe(8 + 4 + 8);
    await stack.member('purchasing').stop();
    await stack.member('purchasing').start();
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM supplier) AS suppliers, (SELECT count(*)::int FROM bill_of_materials) AS boms,
              (SELECT count(*)::int FROM stock_item) AS stock, (${seedAudit}) AS audit`,
    );
    expect(counts.rows[0]).toEqual({ suppliers: 8, boms: 4, stock: 8, audit: before });
    const bolts = await gateway.get('/api/v1/purchasing/stock?material=BOLT-M16').set('authorization', await as('sales.staff')).expect(200);
    expect(bolts.body.items[0].onHand).toBe(12.5);
  });
});
