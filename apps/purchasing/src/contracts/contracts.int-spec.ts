import { randomUUID } from 'node:crypto';
import { daysFromToday, PurchasingContractOverdueV1 } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import { type AppContext, startAppContext } from '@opm/testing';
import { escalateOverdue, ReceivedOrder } from '@opm/workflow';
import { PurchasingAppModule } from '../app.module';
import { ReceiptsService } from '../receipts/receipts.service';
import { ContractDeliveryDeadlines } from './contract-deadlines';
import { ContractsService } from './contracts.service';

const staff: Principal = { username: 'purchasing.staff', department: 'PURCHASING', role: 'STAFF' };
const head: Principal = { username: 'purchasing.head', department: 'PURCHASING', role: 'HEAD' };
const quality: Principal = { username: 'quality.staff', department: 'QUALITY', role: 'STAFF' };

/** Purchase contracts against the real PostgreSQL: the overdue scan (the workflow library's due-task mechanism). */
describe('purchase contracts (PostgreSQL)', () => {
  let ctx: AppContext;
  let contracts: ContractsService;
  let receipts: ReceiptsService;
  let deadlines: ContractDeliveryDeadlines;
  const orderId = randomUUID();

  beforeAll(async () => {
    // DEMO_DATA seeds suppliers, materials and stock; the scan runs only when asked here.
    ctx = await startAppContext('purchasing', (config) => PurchasingAppModule.register(config), { database: 'purchasing_contracts', env: { DEMO_DATA: 'true', PURCHASING_OVERDUE_SCAN_MS: '3600000' } });
    contracts = ctx.app.get(ContractsService);
    receipts = ctx.app.get(ReceiptsService);
    deadlines = ctx.app.get(ContractDeliveryDeadlines);
    await ctx.dataSource.getRepository(ReceivedOrder).insert({
      orderId,
      number: 'SO-2026-990001',
      customerId: randomUUID(),
      deliveryDate: daysFromToday(150),
      currency: 'CNY',
      totalAmount: '1250.00',
      lines: [{ lineNo: 1, productCode: 'P-100', productName: null, specification: null, quantity: 100, unitPrice: '12.50', amount: '1250.00' }],
      specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
      sourceEventId: randomUUID(),
      issuedAt: new Date(),
      signedBy: 'sales.head',
      documentHash: 'a'.repeat(64),
      status: null,
      statusVersion: null,
    });
  });
  afterAll(() => ctx?.close());

  const overdueEvents = async (contractId: string) =>
    ((await ctx.dataSource.query(`SELECT value->'payload' AS payload FROM outbox WHERE value->>'type' = $1 AND value->'payload'->>'contractId' = $2 ORDER BY seq`, [PurchasingContractOverdueV1.type, contractId])) as {
      payload: { deliveryDate: string; openLines: { materialCode: string; quantity: string }[] };
    }[]).map((r) => r.payload);
  /** The day passes: the contract's due time (the end of its delivery date) is now behind us. */
  const pastDue = (id: string) => ctx.dataSource.query(`UPDATE purchase_contract SET "dueAt" = now() - interval '1 minute' WHERE id = $1`, [id]);

  it('R5.2 a signed contract past its delivery date and not fully received is overdue once per delivery date; a delay gives it a new one', async () => {
    const drafted = await contracts.create(
      { orderId, supplierId: 'SUP-BAOSTEEL', lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '50', unitPrice: '6.20' }, { materialCode: 'STEEL-BAR-40', quantity: '10', unitPrice: '4.80' }], deliveryDate: daysFromToday(10) },
      staff,
    );
    // A draft is not awaited yet: never overdue.
    await pastDue(drafted.id);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);

    await contracts.sign(drafted.id, head, undefined);
    // Signing sets the due time to the end of the delivery date: not yet.
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);
    // Part of the plate accepted; the rest and the bar are still open when the date passes.
    const receipt = await receipts.record(drafted.id, { lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '20' }] }, staff);
    await receipts.inspect(receipt.id, { result: 'ACCEPTED', note: null }, quality);
    await pastDue(drafted.id);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(1);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);
    const events = await overdueEvents(drafted.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ deliveryDate: daysFromToday(10), openLines: [{ materialCode: 'STEEL-PLATE-10', quantity: '30' }, { materialCode: 'STEEL-BAR-40', quantity: '10' }] });
    expect((await contracts.get(drafted.id)).overdue).toBe(true);

    // The supplier names a new date: no longer overdue, and overdue again (once) when that one passes.
    const delayed = await contracts.delay(drafted.id, { newDeliveryDate: daysFromToday(20), reason: 'mill maintenance' }, staff, undefined);
    expect(delayed).toMatchObject({ overdue: false, status: 'PARTIALLY_RECEIVED', deliveryDate: daysFromToday(20) });
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);
    await pastDue(drafted.id);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(1);
    expect((await overdueEvents(drafted.id)).map((e) => e.deliveryDate)).toEqual([daysFromToday(10), daysFromToday(20)]);

    // A received contract is not overdue, whatever its date.
    const rest = await receipts.record(drafted.id, { lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '30' }, { materialCode: 'STEEL-BAR-40', quantity: '10' }] }, staff);
    await receipts.inspect(rest.id, { result: 'ACCEPTED', note: null }, quality);
    expect((await contracts.get(drafted.id)).status).toBe('RECEIVED');
    await ctx.dataSource.query(`UPDATE purchase_contract SET "escalatedAt" = NULL WHERE id = $1`, [drafted.id]);
    await pastDue(drafted.id);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);
  });
});
