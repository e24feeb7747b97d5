import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Envelope, type ProductionWorkReported, type PurchasingReceiptInspected } from '@opm/contracts';
import { NotYetApplicable } from '@opm/platform';
import { AppContext, reviewOrder, startAppContext } from '@opm/testing';
import { ReceivedOrder, ReviewTask } from '@opm/workflow';
import { FinanceAppModule } from '../app.module';
import { CostsService } from './costs.service';

const envelope = <P>(type: string, orderId: string, payload: P): Envelope<P> => ({
  eventId: randomUUID(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  orderId,
  correlationId: randomUUID(),
  causationId: null,
  actor: { username: 'test' },
  payload,
});

/** Finance's cost accounts against the real PostgreSQL, the use cases called as the hook and the consumers call them. */
describe('finance cost accounting (PostgreSQL)', () => {
  let ctx: AppContext;
  let costs: CostsService;

  beforeAll(async () => {
    ctx = await startAppContext('finance', (config) => FinanceAppModule.register(config), { database: 'finance_costs', env: { REVIEW_SCAN_MS: '3600000' } });
    costs = ctx.app.get(CostsService);
  });
  afterAll(() => ctx?.close());

  const inTx = <T>(work: (m: EntityManager) => Promise<T>) => ctx.dataSource.transaction(work);

  /** finance's copy of an order, as the department kit keeps it. */
  const receivedOrder = async (currency = 'CNY'): Promise<ReceivedOrder> => {
    const orderId = randomUUID();
    await ctx.dataSource.getRepository(ReceivedOrder).insert({
      orderId,
      number: `SO-2026-${String(Math.floor(Math.random() * 999_999)).padStart(6, '0')}`,
      customerId: randomUUID(),
      deliveryDate: null,
      currency,
      totalAmount: '1250.00',
      lines: [{ lineNo: 1, productCode: 'P-100', productName: null, specification: null, quantity: 100, unitPrice: '12.50', amount: '1250.00' }],
      specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
      sourceEventId: randomUUID(),
    });
    return ctx.dataSource.getRepository(ReceivedOrder).findOneByOrFail({ orderId });
  };
  /** finance's review task of a round, with the cost estimate its assessment showed. */
  const reviewed = async (orderId: string, round: number, cost: Record<string, string>, currency = 'CNY', status: ReviewTask['status'] = 'DONE') => {
    const id = randomUUID();
    await ctx.dataSource.getRepository(ReviewTask).insert({
      id,
      orderId,
      round,
      department: 'FINANCE',
      status,
      major: false,
      openedAt: new Date(),
      dueAt: new Date(),
      escalatedAt: null,
      assessment: { clear: true, summary: 'ok', reasons: [], proposals: [], details: { currency, cost, costBasis: 'standard cost x quantity', uncostedLines: [] } },
      order: reviewOrder({ orderId }),
      conclusion: 'PASS',
      opinion: null,
      proposals: [],
      reviewer: null,
      reviewerRole: null,
      autoConfirmed: true,
      decidedAt: new Date(),
    });
    return id;
  };
  const work = (orderId: string, hours: string, currency = 'CNY'): Envelope<ProductionWorkReported> =>
    envelope('production.work.reported', orderId, {
      orderId,
      planId: randomUUID(),
      taskId: randomUUID(),
      taskName: 'line 1 P-100: MACHINING',
      workCentre: 'MACHINING',
      hours,
      labourRatePerHour: '42.35',
      overheadRatePerHour: '18.85',
      currency,
      reportedBy: 'production.staff',
      reportedAt: new Date().toISOString(),
    });

  it("R5.6 the plan at issue is the latest round's review estimate; a re-issue after a new round takes the new one; a superseded round never", async () => {
    const order = await receivedOrder();
    await reviewed(order.orderId, 1, { materials: '504.00', labour: '210.00', overhead: '126.00', total: '840.00' });
    await reviewed(order.orderId, 3, { materials: '1.00', labour: '1.00', overhead: '1.00', total: '3.00' }, 'CNY', 'SUPERSEDED');
    await inTx((m) => costs.planAtIssue(m, order));
    const first = await costs.get(order.orderId);
    expect(first.planned).toEqual({ materials: '504.00', labour: '210.00', overhead: '126.00', total: '840.00' });
    expect(first.plannedFrom).toMatchObject({ reviewRound: 1, costBasis: 'standard cost x quantity', uncostedLines: [] });

    const round2 = await reviewed(order.orderId, 2, { materials: '600.00', labour: '250.00', overhead: '150.00', total: '1000.00' });
    await inTx((m) => costs.planAtIssue(m, order));
    const second = await costs.get(order.orderId);
    expect(second.planned).toEqual({ materials: '600.00', labour: '250.00', overhead: '150.00', total: '1000.00' });
    expect(second.plannedFrom).toMatchObject({ reviewRound: 2, reviewTaskId: round2 });
    const rows = await ctx.dataSource.query(`SELECT "plannedTotal"::text AS total FROM finance_order_cost WHERE "orderId" = $1`, [order.orderId]);
    expect(rows).toEqual([{ total: '100000' }]); // integer minor units in the database
  });

  it('R5.6 without a review estimate (or one in another currency) there is no plan and no variance, only actuals', async () => {
    const order = await receivedOrder();
    await inTx((m) => costs.planAtIssue(m, order));
    await inTx((m) => costs.applyWorkReported(m, work(order.orderId, '2')));
    const view = await costs.get(order.orderId);
    expect(view).toMatchObject({ planned: null, variance: null, plannedFrom: null, actual: { labour: '84.70', overhead: '37.70', total: '122.40' } });

    const usdReview = await receivedOrder();
    await reviewed(usdReview.orderId, 1, { materials: '1.00', labour: '1.00', overhead: '1.00', total: '3.00' }, 'USD');
    await inTx((m) => costs.planAtIssue(m, usdReview));
    expect((await costs.get(usdReview.orderId)).planned).toBeNull();
  });

  it('R5.6 hours at rates in another currency than the order are listed, not added; an event for an order finance has not received waits', async () => {
    const order = await receivedOrder();
    await inTx((m) => costs.applyWorkReported(m, work(order.orderId, '1.5', 'USD')));
    const view = await costs.get(order.orderId);
    expect(view.actual.total).toBe('0.00');
    expect(view.notCounted.map((n) => [n.category, n.amount, n.currency])).toEqual([
      ['LABOUR', '63.53', 'USD'],
      ['OVERHEAD', '28.28', 'USD'],
    ]);
    await expect(inTx((m) => costs.applyWorkReported(m, work(randomUUID(), '1')))).rejects.toBeInstanceOf(NotYetApplicable);
  });

  it('R5.6 one accepted receipt is one cost, even if another event carried it again', async () => {
    const order = await receivedOrder();
    const receipt = (): Envelope<PurchasingReceiptInspected> =>
      envelope('purchasing.receipt.inspected', order.orderId, {
        orderId: order.orderId,
        contractId: randomUUID(),
        contractNumber: 'PC-2026-000001',
        supplierId: 'SUP-1',
        receiptId,
        result: 'ACCEPTED',
        disposition: null,
        lines: [{ materialCode: 'M-1', quantity: '10', unitPrice: '3.33', amount: '33.30' }],
        currency: 'CNY',
        contractStatus: 'RECEIVED',
        note: null,
        inspectedBy: 'quality.head',
        inspectedAt: new Date().toISOString(),
      });
    const receiptId = randomUUID();
    await inTx((m) => costs.applyReceiptInspected(m, receipt()));
    await inTx((m) => costs.applyReceiptInspected(m, receipt()));
    const view = await costs.get(order.orderId);
    expect(view.actual.materials).toBe('33.30');
    expect(view.actualFrom).toMatchObject({ acceptedReceipts: 1, receiptMaterials: '33.30' });
  });
});
