import { REVIEW_DEPARTMENTS, type ImpactDepartment } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { ApprovalsService } from '../approvals/approvals.service';
import { Issuance } from '../issuance/issuance.entity';
import { IssuanceService } from '../issuance/issuance.service';
import { OrderRepository } from '../lifecycle/order.repository';
import { customer, eventTypes, newOrder, recordOrder, reviewEvents, startSales } from './sales-context';
import { ChangesService } from '../changes/changes.service';

const assessment = { clear: true, summary: 'fine', reasons: [], proposals: [], details: {} };
const person = (department: Principal['department'], username: string, role: Principal['role'] = 'HEAD'): Principal => ({ username, department, role });
const salesClerk = person('SALES', 'sales.clerk', 'STAFF');
const CHAIN = [
  ['sales_head', person('SALES', 'sales.head')],
  ['division_leader', person('MANAGEMENT', 'leader', 'LEADER')],
  ['finance', person('FINANCE', 'finance.head')],
] as const;

/** Change requests against the real PostgreSQL (R8.1-8.3): the lock, the impacts, the chain, the versions, in sales alone. */
describe('change requests (PostgreSQL, R8.1-8.3)', () => {
  let ctx: AppContext;
  let changes: ChangesService;
  let orders: OrderRepository;

  beforeAll(async () => {
    ctx = await startSales('changes');
    changes = ctx.app.get(ChangesService);
    orders = ctx.app.get(OrderRepository);
  });
  afterAll(() => ctx?.close());

  const approved = async (): Promise<string> => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    for (const d of REVIEW_DEPARTMENTS) await reviewEvents(ctx, assessment).answer(order.id, 1, d, 'PASS');
    const approvals = ctx.app.get(ApprovalsService);
    for (const [step, who] of CHAIN) await approvals.decide(order.id, step, { decision: 'APPROVE', comment: 'ok' }, who, undefined);
    return order.id;
  };
  const issued = async (): Promise<string> => {
    const id = await approved();
    await ctx.app.get(IssuanceService).issue(id, person('SALES', 'sales.head'), undefined);
    return id;
  };
  /** What a department's change.impact.assessed.v1 tells sales, as its consumer applies it. */
  const assessed = (orderId: string, requestId: string, department: ImpactDepartment, feasible = true) =>
    ctx.dataSource.transaction((m) =>
      changes.recordAssessment(m, { orderId, requestId, department, feasible, summary: `${department} computed`, details: { figure: 1 }, loss: null, assessedAt: new Date().toISOString() }),
    );
  const allPass = async (orderId: string, requestId: string) => {
    for (const d of ['production', 'purchasing', 'quality', 'finance'] as const) {
      await assessed(orderId, requestId, d);
      await changes.answerImpact(orderId, requestId, d, { conclusion: 'PASS', impact: `${d} can`, opinion: 'fine' }, person(d.toUpperCase() as Principal['department'], `${d}.staff`, 'STAFF'));
    }
  };

  it('R8.1 R8.2 R8.3 an approved change is applied as a new version: lines and total, versions listed, the departments told, the document re-issued', async () => {
    const id = await issued();
    const before = await orders.find(id);
    const hashBefore = (await ctx.dataSource.getRepository(Issuance).findOneByOrFail({ orderId: id })).documentHash;
    const delivery = new Date(Date.now() + 160 * 86_400_000).toISOString().slice(0, 10);
    const request = await changes.requestChange(id, 'two more brackets, ten days later', { deliveryDate: delivery, lines: [{ lineNo: 1, quantity: 12 }] }, salesClerk);
    expect(request).toMatchObject({ kind: 'CHANGE', status: 'UNDER_REVIEW', impacts: [{ department: 'production', status: 'OPEN', assessment: null }, {}, {}, {}] });
    expect((await orders.find(id)).pendingChange).toEqual({ id: request.id, kind: 'CHANGE', status: 'UNDER_REVIEW' });
    expect(await eventTypes(ctx.dataSource.manager, id)).toContain('sales.order.change-requested');

    await allPass(id, request.id);
    expect((await changes.get(id, request.id)).status).toBe('AWAITING_APPROVAL');
    // The requester never approves their own request (segregation of duties, as the order's chain).
    await expect(changes.decide(id, request.id, 'sales_head', { decision: 'APPROVE', comment: 'mine' }, person('SALES', 'sales.clerk'))).rejects.toMatchObject({ status: 403 });
    for (const [step, who] of CHAIN) await changes.decide(id, request.id, step, { decision: 'APPROVE', comment: 'agreed' }, who);

    const applied = await changes.get(id, request.id);
    expect(applied).toMatchObject({ status: 'APPLIED', appliedVersion: 2, approvals: [{ status: 'APPROVED' }, { status: 'APPROVED' }, { status: 'APPROVED' }] });
    const after = await orders.find(id);
    expect(after.pendingChange).toBeNull();
    expect(after.status).toBe(before.status);
    expect(after.deliveryDate).toBe(delivery);
    expect(after.lines[0]).toMatchObject({ quantity: 12, amount: '150.00' });
    expect(after.totalAmount).toBe('150.00');
    const versions = await changes.versions(id);
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.items[1]).toMatchObject({
      requestId: request.id,
      reason: 'two more brackets, ten days later',
      changedBy: 'finance.head',
      changes: expect.arrayContaining([{ field: 'lines[1].quantity', from: 10, to: 12 }, { field: 'totalAmount', from: '125.00', to: '150.00' }, { field: 'deliveryDate', from: before.deliveryDate, to: delivery }]),
    });
    const types = await eventTypes(ctx.dataSource.manager, id);
    expect(types.slice(-2)).toEqual(['sales.order.details-changed', 'sales.order.changed']);
    const issuance = await ctx.dataSource.getRepository(Issuance).findOneByOrFail({ orderId: id });
    expect(issuance.documentHash).not.toBe(hashBefore);
    expect(issuance.document).toMatchObject({ version: 2, totalAmount: '150.00', verificationCode: issuance.documentHash });
  });

  it('R8.3 while a request is open a second request and issuing are refused with 409 naming it; a FAIL rejects it and changes nothing', async () => {
    const id = await approved();
    const request = await changes.requestChange(id, 'a week later', { deliveryDate: new Date(Date.now() + 170 * 86_400_000).toISOString().slice(0, 10) }, salesClerk);
    const before = await orders.find(id);
    await expect(changes.requestChange(id, 'another', { deliveryPlace: 'elsewhere' }, salesClerk)).rejects.toMatchObject({ status: 409, response: expect.objectContaining({ openRequest: request.id }) });
    await expect(ctx.app.get(IssuanceService).issue(id, person('SALES', 'sales.head'), undefined)).rejects.toMatchObject({ status: 409, response: expect.objectContaining({ openRequest: request.id }) });

    // Answering before the department computed its impact, or for another department, is refused.
    await expect(changes.answerImpact(id, request.id, 'production', { conclusion: 'PASS', impact: 'x', opinion: 'y' }, person('PRODUCTION', 'p'))).rejects.toMatchObject({ status: 409 });
    await assessed(id, request.id, 'production', false);
    await expect(changes.answerImpact(id, request.id, 'production', { conclusion: 'PASS', impact: 'x', opinion: 'y' }, person('QUALITY', 'q'))).rejects.toMatchObject({ status: 403 });
    const rejected = await changes.answerImpact(id, request.id, 'production', { conclusion: 'FAIL', impact: 'late by a week', opinion: 'no capacity' }, person('PRODUCTION', 'production.head'));
    expect(rejected).toMatchObject({ status: 'REJECTED', outcome: 'production found it infeasible: no capacity', approvals: [] });

    const after = await orders.find(id);
    expect(after.pendingChange).toBeNull();
    expect({ deliveryDate: after.deliveryDate, total: after.totalAmount, lines: after.lines }).toEqual({ deliveryDate: before.deliveryDate, total: before.totalAmount, lines: before.lines });
    expect((await changes.versions(id)).items).toHaveLength(1);
    expect((await ctx.app.get(IssuanceService).issue(id, person('SALES', 'sales.head'), undefined)).status).toBe('ISSUED');
    // Released: a new request may be opened.
    expect((await changes.requestChange(id, 'retry', { deliveryPlace: 'Hall 2' }, salesClerk)).status).toBe('UNDER_REVIEW');
  });

  it('R8.1 a change is refused before APPROVED (409) and names the field it cannot take (400)', async () => {
    const received = await recordOrder(ctx, newOrder(await customer(ctx)));
    await expect(changes.requestChange(received.id, 'too early', { deliveryPlace: 'x' }, salesClerk)).rejects.toMatchObject({ status: 409 });
    const id = await approved();
    await expect(changes.requestChange(id, 'bad line', { lines: [{ lineNo: 9, quantity: 1 }] }, salesClerk)).rejects.toMatchObject({
      status: 400,
      response: expect.objectContaining({ errors: [{ field: 'changes.lines[0].lineNo', message: 'the order has no line 9' }] }),
    });
    expect((await orders.find(id)).pendingChange).toBeNull();
  });

  it('R8.1 R8.3 an added line is applied as line 2 of the new version, the total following', async () => {
    const id = await approved();
    const request = await changes.requestChange(id, 'two spare brackets', { addLines: [{ productName: 'Spare bracket', quantity: 2, unitPrice: '12.50' }] }, salesClerk);
    await allPass(id, request.id);
    for (const [step, who] of CHAIN) await changes.decide(id, request.id, step, { decision: 'APPROVE', comment: 'agreed' }, who);
    const after = await orders.find(id);
    expect([...after.lines].sort((a, b) => a.lineNo - b.lineNo).map((l) => [l.lineNo, l.productName, l.quantity, l.amount])).toEqual([
      [1, 'Custom bracket', 10, '125.00'],
      [2, 'Spare bracket', 2, '25.00'],
    ]);
    expect(after.totalAmount).toBe('150.00');
    expect((await changes.versions(id)).items[1].changes).toContainEqual({ field: 'lines[2]', from: null, to: '2 x Spare bracket at 12.50' });
  });

  it('R8.2 a redelivered assessment changes nothing once recorded', async () => {
    const id = await approved();
    const request = await changes.requestChange(id, 'later', { deliveryPlace: 'Hall 3' }, salesClerk);
    await assessed(id, request.id, 'quality');
    await ctx.dataSource.transaction((m) => changes.recordAssessment(m, { orderId: id, requestId: request.id, department: 'quality', feasible: false, summary: 'again', details: {}, loss: null, assessedAt: new Date().toISOString() }));
    expect((await changes.get(id, request.id)).impacts.find((i) => i.department === 'quality')?.assessment).toMatchObject({ feasible: true, summary: 'quality computed' });
  });

  describe('cancellation saga (R8.4-8.6)', () => {
    const confirm = (orderId: string, requestId: string, department: 'production' | 'purchasing' | 'logistics' | 'finance', outcome: 'DONE' | 'CANNOT_COMPLY' = 'DONE') =>
      ctx.dataSource.transaction((m) => changes.recordConfirmation(m, { orderId, requestId, department, outcome, detail: `${department} ${outcome}`, confirmedAt: new Date().toISOString() }));
    const approvedCancellation = async () => {
      const id = await issued();
      const request = await changes.requestCancellation(id, 'the customer withdrew', salesClerk);
      expect(request.impacts.map((i) => i.department)).toEqual(['production', 'purchasing']);
      const loss = { production: { workDone: '85.00', materialsCommitted: '0.00', restockingFees: '0.00', currency: 'CNY' }, purchasing: { workDone: '0.00', materialsCommitted: '12.40', restockingFees: '37.20', currency: 'CNY' } };
      for (const d of ['production', 'purchasing'] as const) {
        await ctx.dataSource.transaction((m) => changes.recordAssessment(m, { orderId: id, requestId: request.id, department: d, feasible: true, summary: d, details: {}, loss: loss[d], assessedAt: new Date().toISOString() }));
        await changes.answerImpact(id, request.id, d, { conclusion: 'PASS', impact: 'as computed', opinion: 'agreed' }, person(d.toUpperCase() as Principal['department'], `${d}.head`));
      }
      for (const [step, who] of CHAIN) await changes.decide(id, request.id, step, { decision: 'APPROVE', comment: 'agreed' }, who);
      return { id, cid: request.id };
    };

    it('R8.4 R8.5 approved: the loss summed, one PENDING step per department, the departments told; CANCELLED only after the last DONE', async () => {
      const { id, cid } = await approvedCancellation();
      const approved = await changes.get(id, cid);
      expect(approved).toMatchObject({ status: 'APPROVED', loss: { workDone: '85.00', materialsCommitted: '12.40', restockingFees: '37.20', total: '134.60', currency: 'CNY' } });
      expect(approved.cancellation).toMatchObject({ waitingFor: ['production', 'purchasing', 'logistics', 'finance'], cannotComply: [] });
      expect(await eventTypes(ctx.dataSource.manager, id)).toContain('sales.order.cancellation-approved');
      for (const d of ['production', 'purchasing', 'logistics'] as const) await confirm(id, cid, d);
      expect((await orders.find(id)).status).toBe('ISSUED');
      expect((await changes.get(id, cid)).cancellation?.waitingFor).toEqual(['finance']);
      await confirm(id, cid, 'finance');
      const order = await orders.find(id);
      expect(order.status).toBe('CANCELLED');
      expect(order.pendingChange).toBeNull();
      expect(await changes.get(id, cid)).toMatchObject({ status: 'APPLIED', cancellation: { waitingFor: [], cannotComply: [] } });
      // A redelivered confirmation changes nothing.
      await confirm(id, cid, 'finance', 'CANNOT_COMPLY');
      expect((await changes.get(id, cid)).cancellation?.departments.find((d) => d.department === 'finance')?.status).toBe('DONE');
    });

    it('R8.6 a department that cannot comply is shown on the request, and the order is not cancelled', async () => {
      const { id, cid } = await approvedCancellation();
      for (const d of ['production', 'purchasing', 'finance'] as const) await confirm(id, cid, d);
      await confirm(id, cid, 'logistics', 'CANNOT_COMPLY');
      expect(await changes.get(id, cid)).toMatchObject({ status: 'APPROVED', cancellation: { waitingFor: [], cannotComply: ['logistics'] } });
      const order = await orders.find(id);
      expect(order.status).toBe('ISSUED');
      expect(order.pendingChange).toMatchObject({ id: cid, kind: 'CANCELLATION', status: 'APPROVED' });
    });
  });
});
