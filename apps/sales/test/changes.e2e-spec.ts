import request from 'supertest';
import { daysFromToday } from '@opm/contracts';
import { clearOrderBody, eventually, extractPdf, OrderDriver, orderBody, TestStack } from '@opm/testing';

interface Plan {
  id: string;
  status: string;
  version: number;
  deliveryDate: string;
  quantityOrdered: number;
  tasks: { id: string; hours: number; status: string }[];
}
interface Requirement {
  materialCode: string;
  required: string;
}
interface ChangeRequest {
  id: string;
  status: string;
  loss: { workDone: string; materialsCommitted: string; restockingFees: string; total: string; currency: string } | null;
  cancellation: { departments: { department: string; status: string; detail: string | null }[]; waitingFor: string[]; cannotComply: string[] } | null;
  impacts: { department: string; status: string; assessment: { feasible: boolean; summary: string; details: Record<string, unknown> } | null }[];
  approvals: { step: string; status: string }[];
  appliedVersion: number | null;
  outcome: string | null;
}

/** A catalog order every department clears at once (demo auto-confirm), asking for standards quality attains. */
const clearOrder = () =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'export crate', transportMode: 'sea freight', other: 'ISO 2768-m, EN 10204 3.1 certificate' },
  });

const ANSWERERS: Record<string, string> = { production: 'production.staff', purchasing: 'purchasing.head', quality: 'quality.head', finance: 'finance.staff' };
const LOGISTICS = 'logistics.staff';
const CHAIN = [
  ['SALES_HEAD', 'sales.head'],
  ['DIVISION_LEADER', 'leader'],
  ['FINANCE', 'finance.head'],
] as const;

/**
 * Change and cancellation across every service through the gateway (issue 17): a change is assessed by the departments
 * from their own data, answered by their people, approved through the chain, applied as a new version of the order and
 * carried out by each department; the lock refuses everything else while a request is open.
 */
describe('change and cancellation (e2e, R8.1-8.6)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const as = (user: string) => stack.bearer(user);
  const get = async (path: string, user = 'sales.staff') => (await gateway.get(`/api/v1${path}`).set('authorization', await as(user)).expect(200)).body;
  const post = async (path: string, user: string, body: object = {}) => gateway.post(`/api/v1${path}`).set('authorization', await as(user)).send(body);
  const order = (id: string) => get(`/orders/${id}`);
  const statusBecomes = (id: string, status: string) => eventually(async () => expect((await order(id)).status).toBe(status), { timeoutMs: 60_000 });
  const planOf = async (id: string): Promise<Plan> => (await get(`/production/plans?orderId=${id}`)).items[0];
  const requirementsOf = async (id: string): Promise<Requirement[]> => (await get(`/purchasing/requirements?orderId=${id}`)).items;
  const requestOf = (id: string, cid: string): Promise<ChangeRequest> => get(`/orders/${id}/change-requests/${cid}`);
  const codeOf = async (id: string) => {
    const res = await fetch(`${stack.api}/orders/${id}/document.pdf`, { headers: { authorization: await as('sales.staff') } });
    expect(res.status).toBe(200);
    const pdf = await extractPdf(Buffer.from(await res.arrayBuffer()));
    return { text: pdf.pages.join('\n'), code: /verification:([0-9a-f]{64})/.exec(String(pdf.info.Keywords))?.[1] };
  };

  beforeAll(async () => {
    stack = await TestStack.start({ env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
    gateway = request(stack.member('gateway').baseUrl);
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(() => stack?.stop());

  /** Recorded, cleared, approved, issued; the plan drafted and released: IN_EXECUTION, the requirements computed. */
  const inExecution = async () => {
    const created = await post('/orders', 'sales.staff', clearOrder());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await statusBecomes(id, 'AWAITING_APPROVAL');
    for (const [step, user] of CHAIN) expect((await post(`/orders/${id}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'ok' })).status).toBe(200);
    expect((await post(`/orders/${id}/issue`, 'sales.head')).status).toBe(200);
    const plan = await eventually(async () => {
      const p = await planOf(id);
      expect(p?.status).toBe('DRAFT');
      return p;
    }, { timeoutMs: 60_000 });
    expect((await post(`/production/plans/${plan.id}/release`, 'production.head')).status).toBe(200);
    await statusBecomes(id, 'IN_EXECUTION');
    const requirements = await eventually(async () => {
      const r = await requirementsOf(id);
      expect(r.length).toBeGreaterThan(0);
      return r;
    }, { timeoutMs: 60_000 });
    return { id, plan: await planOf(id), requirements };
  };
  /** Every department asked has computed its impact. */
  const assessed = (id: string, cid: string, departments = Object.keys(ANSWERERS)) =>
    eventually(async () => {
      const r = await requestOf(id, cid);
      expect(r.impacts.map((i) => [i.department, i.assessment !== null])).toEqual(departments.map((d) => [d, true]));
      return r;
    }, { timeoutMs: 60_000 });
  const answerAll = async (id: string, cid: string, departments: string[]) => {
    for (const d of departments) expect((await post(`/orders/${id}/change-requests/${cid}/impact/${d}`, ANSWERERS[d], { conclusion: 'PASS', impact: 'as computed', opinion: 'agreed' })).status).toBe(200);
  };
  /** An order in execution with work reported and a signed contract for 40 kg of plate under a 15 % restocking fee. */
  const committed = async () => {
    const { id, plan } = await inExecution();
    expect((await reservationsOf(id)).filter((r) => r.releasedAt === null).length).toBeGreaterThan(0);
    expect((await post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 50 })).status).toBe(200);
    const created = await post('/purchasing/contracts', 'purchasing.head', {
      orderId: id,
      supplierId: 'SUP-BAOSTEEL',
      lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '40', unitPrice: '6.20' }],
      deliveryDate: daysFromToday(30),
      cancellationTerms: { restockingFeePercent: '15' },
    });
    expect(created.status).toBe(201);
    expect((await post(`/purchasing/contracts/${created.body.id}/sign`, 'purchasing.head')).status).toBe(200);
    return { id, plan, contractId: created.body.id as string };
  };
  const reservationsOf = async (id: string) => (await order(id)).departments.purchasing.execution.reservations as { material: string; releasedAt: string | null }[];

  it('R8.1 R8.2 R8.3 quantity and date changed on an order in execution: impacts, answers, approvals, a new version; the plan rescheduled, the requirements adjusted, the PDF re-issued', async () => {
    const { id, plan, requirements } = await inExecution();
    const before = await codeOf(id);
    const newDate = daysFromToday(160);
    const opened = await post(`/orders/${id}/change-requests`, 'sales.staff', { reason: 'the customer needs 20 more, ten days later', changes: { deliveryDate: newDate, lines: [{ lineNo: 1, quantity: 120 }] } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'UNDER_REVIEW', kind: 'CHANGE' });
    const cid = opened.body.id as string;
    expect((await order(id)).pendingChange).toEqual({ id: cid, kind: 'CHANGE', status: 'UNDER_REVIEW' });

    const review = await assessed(id, cid);
    const impact = (d: string) => review.impacts.find((i) => i.department === d)?.assessment;
    expect(impact('production')).toMatchObject({ feasible: true, details: { hoursBefore: plan.tasks.reduce((s, t) => s + t.hours, 0) } });
    expect((impact('production')?.details.tasksToReschedule as unknown[]).length).toBeGreaterThan(0);
    expect(impact('purchasing')?.details.materials).toEqual(
      requirements.map((r) => expect.objectContaining({ materialCode: r.materialCode, requiredBefore: String(Number(r.required)), requiredAfter: String((Number(r.required) * 120) / 100) })),
    );
    expect(impact('finance')?.details).toMatchObject({ revenueBefore: '1250.00', revenueAfter: '1500.00', revenueDelta: '250.00' });
    // The final inspection counts the ordered quantity: that item changes, the others stay.
    expect(impact('quality')?.details).toMatchObject({ added: [{ stage: 'FINAL', characteristic: expect.stringContaining('120 ordered') }], removed: [{ characteristic: expect.stringContaining('100 ordered') }] });

    // Only a person of the department answers for it.
    expect((await post(`/orders/${id}/change-requests/${cid}/impact/production`, 'quality.head', { conclusion: 'PASS', impact: 'x', opinion: 'y' })).status).toBe(403);
    for (const [department, user] of Object.entries(ANSWERERS)) {
      const answered = await post(`/orders/${id}/change-requests/${cid}/impact/${department}`, user, { conclusion: 'PASS', impact: impact(department)?.summary ?? '', opinion: 'feasible' });
      expect(answered.status).toBe(200);
    }
    expect((await requestOf(id, cid)).status).toBe('AWAITING_APPROVAL');
    for (const [step, user] of CHAIN) expect((await post(`/orders/${id}/change-requests/${cid}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'agreed' })).status).toBe(200);

    expect(await requestOf(id, cid)).toMatchObject({ status: 'APPLIED', appliedVersion: 2 });
    const changed = await order(id);
    expect(changed).toMatchObject({ status: 'IN_EXECUTION', deliveryDate: newDate, totalAmount: '1500.00', pendingChange: null, lines: [{ quantity: 120, amount: '1500.00' }] });
    const versions = (await get(`/orders/${id}/versions`)).items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ requestId: cid, reason: 'the customer needs 20 more, ten days later', changedBy: 'finance.head' });
    expect(versions[1].changes).toEqual(expect.arrayContaining([{ field: 'lines[1].quantity', from: 100, to: 120 }, { field: 'deliveryDate', from: expect.any(String), to: newDate }]));

    // Production rescheduled its plan for 120 by the new date; purchasing's requirements follow the new quantity.
    await eventually(async () => expect(await planOf(id)).toMatchObject({ id: plan.id, status: 'RELEASED', deliveryDate: newDate, quantityOrdered: 120, version: plan.version + 1 }), { timeoutMs: 60_000 });
    expect((await planOf(id)).tasks.reduce((s, t) => s + t.hours, 0)).toBeCloseTo((plan.tasks.reduce((s, t) => s + t.hours, 0) * 120) / 100, 1);
    await eventually(async () => {
      const after = await requirementsOf(id);
      expect(after.map((r) => [r.materialCode, Number(r.required)])).toEqual(requirements.map((r) => [r.materialCode, (Number(r.required) * 120) / 100]));
    }, { timeoutMs: 60_000 });
    const adjustments = await eventually(async () => {
      const a = (await get(`/purchasing/orders/${id}/requirement-adjustments`)).items;
      expect(a).toHaveLength(1);
      return a;
    }, { timeoutMs: 60_000 });
    expect(adjustments[0]).toMatchObject({ version: 2, requestId: cid });

    // The order document is re-issued: version 2, the new total, a new verification code.
    const after = await codeOf(id);
    expect(after.code).toMatch(/^[0-9a-f]{64}$/);
    expect(after.code).not.toBe(before.code);
    expect(after.text).toContain('Version');
    expect(after.text).toContain('1,500.00');
    expect((await get(`/orders/${id}/issuance`)).documentHash).toBe(after.code);
    // Quality's inspection plan counts the new quantity.
    await eventually(async () => {
      const plan = (await get(`/quality/plans?orderId=${id}`)).items[0] as { items: { characteristic: string }[] };
      expect(plan.items.map((i) => i.characteristic).join('; ')).toContain('120 ordered');
    }, { timeoutMs: 60_000 });
  }, 300_000);

  it('R8.3 a second request while one is open is 409 naming it; progress still flows; a rejected change changes nothing', async () => {
    const { id, plan } = await inExecution();
    const before = await order(id);
    const opened = await post(`/orders/${id}/change-requests`, 'sales.staff', { reason: 'ship to the other site', changes: { deliveryPlace: 'Dongguan plant 2' } });
    expect(opened.status).toBe(201);
    const cid = opened.body.id as string;
    const second = await post(`/orders/${id}/change-requests`, 'sales.staff', { reason: 'and later', changes: { deliveryDate: daysFromToday(170) } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ openRequest: cid });
    expect(second.body.detail).toContain(cid);

    // Progress reporting still flows while the order is locked.
    expect((await post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 30 })).status).toBe(200);

    await assessed(id, cid);
    expect((await post(`/orders/${id}/change-requests/${cid}/impact/production`, 'production.staff', { conclusion: 'PASS', impact: 'none', opinion: 'fine' })).status).toBe(200);
    const failed = await post(`/orders/${id}/change-requests/${cid}/impact/finance`, 'finance.staff', { conclusion: 'FAIL', impact: 'freight doubles', opinion: 'the customer must pay the freight first' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'REJECTED', outcome: 'finance found it infeasible: the customer must pay the freight first' });

    const after = await order(id);
    expect(after.pendingChange).toBeNull();
    expect({ deliveryPlace: after.deliveryPlace, deliveryDate: after.deliveryDate, lines: after.lines, totalAmount: after.totalAmount }).toEqual({
      deliveryPlace: before.deliveryPlace,
      deliveryDate: before.deliveryDate,
      lines: before.lines,
      totalAmount: before.totalAmount,
    });
    expect((await get(`/orders/${id}/versions`)).items).toHaveLength(1);
    expect((await get(`/orders/${id}/change-requests`)).items.map((r: ChangeRequest) => r.status)).toEqual(['REJECTED']);
    // Released: a new request is accepted.
    expect((await post(`/orders/${id}/change-requests`, 'sales.staff', { reason: 'retry', changes: { deliveryPlace: 'Hall 2' } })).status).toBe(201);
  }, 300_000);

  it('R8.4 R8.5 cancellation with a signed purchase contract: loss estimate, approvals, plan stopped, contract cancelled with its fee, reservations released, order CANCELLED', async () => {
    const { id, plan, contractId } = await committed();
    const opened = await post(`/orders/${id}/cancellation-requests`, 'sales.staff', { reason: 'the customer withdrew the project' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'CANCELLATION', status: 'UNDER_REVIEW' });
    const cid = opened.body.id as string;
    expect((await order(id)).pendingChange).toEqual({ id: cid, kind: 'CANCELLATION', status: 'UNDER_REVIEW' });

    const review = await assessed(id, cid, ['production', 'purchasing']);
    const production = review.impacts.find((i) => i.department === 'production')?.assessment;
    const purchasing = review.impacts.find((i) => i.department === 'purchasing')?.assessment;
    expect(Number(production?.details.workDone)).toBeGreaterThan(0);
    // 40 kg x 6.20 = 248.00 signed: cancelled for 15 % = 37.20.
    expect(purchasing?.details.contracts).toEqual([expect.objectContaining({ action: 'CANCEL', fee: '37.20' })]);
    await answerAll(id, cid, ['production', 'purchasing']);
    for (const [step, user] of CHAIN) expect((await post(`/orders/${id}/change-requests/${cid}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'agreed' })).status).toBe(200);

    await statusBecomes(id, 'CANCELLED');
    const done = await requestOf(id, cid);
    expect(done.status).toBe('APPLIED');
    expect(done.loss).toEqual({ workDone: production?.details.workDone, materialsCommitted: '0.00', restockingFees: '37.20', total: (Number(production?.details.workDone) + 37.2).toFixed(2), currency: 'CNY' });
    expect(done.cancellation).toMatchObject({ waitingFor: [], cannotComply: [] });
    expect(done.cancellation?.departments.map((d) => [d.department, d.status])).toEqual([['production', 'DONE'], ['purchasing', 'DONE'], ['logistics', 'DONE'], ['finance', 'DONE']]);
    expect((await order(id)).pendingChange).toBeNull();
    expect(await get(`/production/plans/${plan.id}`)).toMatchObject({ status: 'STOPPED' });
    const contract = await get(`/purchasing/contracts/${contractId}`);
    expect(contract).toMatchObject({ status: 'CANCELLED', cancellation: { action: 'CANCEL', restockingFee: '37.20' } });
    const reservations = await reservationsOf(id);
    expect(reservations.length).toBeGreaterThan(0);
    expect(reservations.filter((r) => r.releasedAt === null)).toEqual([]);
  }, 300_000);

  it('R8.5 R8.6 kill -9 of purchasing in the middle of a cancellation saga: the order shows who has not confirmed, and the saga completes after the restart', async () => {
    const { id, contractId } = await committed();
    const cid = (await post(`/orders/${id}/cancellation-requests`, 'sales.staff', { reason: 'the project was stopped' })).body.id as string;
    await assessed(id, cid, ['production', 'purchasing']);
    await answerAll(id, cid, ['production', 'purchasing']);
    for (const [step, user] of CHAIN.slice(0, 2)) expect((await post(`/orders/${id}/change-requests/${cid}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'agreed' })).status).toBe(200);

    const purchasingProcess = stack.member('purchasing');
    const died = purchasingProcess.exited();
    process.kill(purchasingProcess.pid as number, 'SIGKILL');
    expect(await died).toBe('SIGKILL');
    expect((await post(`/orders/${id}/change-requests/${cid}/approvals/FINANCE/decision`, 'finance.head', { decision: 'APPROVE', comment: 'agreed' })).status).toBe(200);

    // Every other department carried out its part; the order is not CANCELLED while purchasing has not confirmed.
    await eventually(async () => expect((await requestOf(id, cid)).cancellation).toMatchObject({ waitingFor: ['purchasing'], cannotComply: [] }), { timeoutMs: 60_000 });
    expect((await order(id)).status).toBe('IN_EXECUTION');

    await purchasingProcess.restart();
    await statusBecomes(id, 'CANCELLED');
    expect((await requestOf(id, cid)).cancellation?.waitingFor).toEqual([]);
    expect(await get(`/purchasing/contracts/${contractId}`)).toMatchObject({ status: 'CANCELLED', cancellation: { restockingFee: '37.20' } });
  }, 300_000);

  it('R8.2 R8.6 after a dispatch logistics assesses too, and answers CANNOT_COMPLY for the dispatched shipment: the request shows it, the order is not CANCELLED', async () => {
    const driver = new OrderDriver(stack);
    const { id } = await driver.readyToShip(clearOrderBody({ deliveryDate: daysFromToday(150), lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }] }));
    const shipment = await post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 60 }], carrier: 'COSCO Shipping', plannedDate: daysFromToday(20) });
    expect(shipment.status).toBe(201);
    expect((await post(`/logistics/shipments/${shipment.body.id}/dispatch`, 'logistics.staff', { trackingNumber: 'COSU0000000001' })).status).toBe(200);
    await statusBecomes(id, 'SHIPPED');
    const open = await post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 40 }], carrier: 'COSCO Shipping', plannedDate: daysFromToday(25) });
    expect(open.status).toBe(201);

    const cid = (await post(`/orders/${id}/cancellation-requests`, 'sales.staff', { reason: 'the customer went bankrupt' })).body.id as string;
    const review = await assessed(id, cid, ['production', 'purchasing', 'logistics']);
    expect(review.impacts.find((i) => i.department === 'logistics')?.assessment).toMatchObject({ feasible: false, details: { dispatched: [shipment.body.number], open: [open.body.number] } });
    await answerAll(id, cid, ['production', 'purchasing']);
    expect((await post(`/orders/${id}/change-requests/${cid}/impact/logistics`, LOGISTICS, { conclusion: 'PASS', impact: 'one shipment is on its way', opinion: 'cancel the rest' })).status).toBe(200);
    for (const [step, user] of CHAIN) expect((await post(`/orders/${id}/change-requests/${cid}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'agreed' })).status).toBe(200);

    const shown = await eventually(async () => {
      const r = await requestOf(id, cid);
      expect(r.cancellation).toMatchObject({ waitingFor: [], cannotComply: ['logistics'] });
      return r;
    }, { timeoutMs: 60_000 });
    expect(shown.status).toBe('APPROVED');
    expect(shown.cancellation?.departments.find((d) => d.department === 'logistics')?.detail).toContain(shipment.body.number);
    const after = await order(id);
    expect(after).toMatchObject({ status: 'SHIPPED', pendingChange: { id: cid, kind: 'CANCELLATION', status: 'APPROVED' } });
    expect((after.departments.logistics.shipping.shipments as { number: string; status: string }[]).map((s) => [s.number, s.status])).toEqual([
      [shipment.body.number, 'DISPATCHED'],
      [open.body.number, 'CANCELLED'],
    ]);
  }, 300_000);
});
