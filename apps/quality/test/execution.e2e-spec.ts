import request from 'supertest';
import { daysFromToday } from '@opm/contracts';
import { eventually, mintToken, orderBody, TestStack } from '@opm/testing';

/** A catalog order asking for standards quality attains for it: every department clears it at once (demo auto-confirm). */
const orderWithStandards = () =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'export crate', transportMode: null, other: 'ISO 2768-m tolerances, EN 10204 3.1 certificate' },
  });

/** Quality's execution through the gateway (issue 13 item 4): plan at issuance, inspections, nonconformances, results. */
describe('quality execution (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const as = (user: string) => stack.bearer(user);

  beforeAll(async () => {
    // Generous upstream timeouts: seven services on a loaded 2-core machine answer slowly, and a 504 is not what this tests.
    stack = await TestStack.start({ env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
    gateway = request(stack.member('gateway').baseUrl);
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(() => stack?.stop());

  /** Recorded, reviewed (auto-confirmed), approved by the chain and signed by the sales head: ISSUED. */
  const issuedOrder = async () => {
    const created = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(orderWithStandards()).expect(201);
    const id = created.body.id as string;
    await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(res.body.status).toBe('AWAITING_APPROVAL');
    }, { timeoutMs: 60_000 });
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader'], ['FINANCE', 'finance.head']]) {
      await gateway.post(`/api/v1/orders/${id}/approvals/${step}/decision`).set('authorization', await as(user)).send({ decision: 'APPROVE', comment: 'ok' }).expect(200);
    }
    await gateway.post(`/api/v1/orders/${id}/issue`).set('authorization', await as('sales.head')).expect(200);
    return id;
  };
  const inspect = async (body: Record<string, unknown>, status: number, user = 'quality.head') =>
    gateway.post('/api/v1/quality/inspections').set('authorization', await as(user)).send(body).expect(status);

  it('R5.3 R1.1 issue -> inspection plan -> failed final inspection -> nonconformance -> disposition -> close -> passed final inspection -> quality results', async () => {
    const id = await issuedOrder();

    // The plan, drafted by quality when the issued order reached it, carries the standards attained in review.
    const plans = await eventually(async () => {
      const res = await gateway.get(`/api/v1/quality/plans?orderId=${id}`).set('authorization', await as('production.staff')).expect(200);
      expect(res.body.total).toBe(1);
      return res.body;
    }, { timeoutMs: 60_000 });
    const plan = plans.items[0];
    expect(plan).toMatchObject({ orderId: id });
    expect(plan.items.filter((i: { source: string }) => i.source === 'REVIEW').map((i: { characteristic: string; stage: string }) => `${i.stage} ${i.characteristic}`)).toEqual([
      'IN_PROCESS general tolerances to ISO 2768-m',
      'FINAL inspection document EN 10204 3.1',
    ]);
    expect(new Set(plan.items.map((i: { stage: string }) => i.stage))).toEqual(new Set(['INCOMING', 'IN_PROCESS', 'FINAL']));
    expect((await gateway.get(`/api/v1/quality/plans/${plan.id}`).set('authorization', await as('sales.staff')).expect(200)).body).toEqual(plan);
    // ... and in quality's part of the combined view.
    const combined = await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200);
    expect(combined.body.departments.quality.inspection).toMatchObject({ plan: { id: plan.id }, results: { revision: 0, finalInspectionPassed: false }, nonconformances: [] });

    // Bad input names the field; another department may not inspect.
    const noLot = await inspect({ orderId: id, stage: 'FINAL', quantityInspected: 10, result: 'PASS' }, 400);
    expect(noLot.body.errors.map((e: { field: string }) => e.field)).toContain('lot');
    const zero = await inspect({ orderId: id, stage: 'FINAL', lot: 'L1', quantityInspected: 0, result: 'PASS' }, 400);
    expect(zero.body.errors.map((e: { field: string }) => e.field)).toEqual(['quantityInspected']);
    const noFindings = await inspect({ orderId: id, stage: 'FINAL', lot: 'L1', quantityInspected: 10, result: 'FAIL' }, 400);
    expect([...new Set(noFindings.body.errors.map((e: { field: string }) => e.field))]).toEqual(['findings']);
    await inspect({ orderId: id, stage: 'FINAL', lot: 'L1', quantityInspected: 10, result: 'PASS' }, 403, 'production.head');
    const unknown = await inspect({ orderId: '00000000-0000-4000-8000-0000000000ff', stage: 'FINAL', lot: 'L1', quantityInspected: 10, result: 'PASS' }, 404);
    expect(unknown.body.detail).toContain('has not reached quality');

    // A failed final lot raises a numbered nonconformance.
    const failed = await inspect({ orderId: id, stage: 'FINAL', lot: 'LOT-A', quantityInspected: 20, result: 'FAIL', findings: 'bolt circle 0.3 mm out of tolerance on 4 of 20' }, 201);
    expect(failed.body).toMatchObject({ result: 'FAIL', report: null, nonconformance: { number: expect.stringMatching(/^NC-\d{4}-\d{6}$/) } });
    const ncId = failed.body.nonconformance.id as string;
    const listed = await gateway.get(`/api/v1/quality/nonconformances?orderId=${id}`).set('authorization', await as('sales.staff')).expect(200);
    expect(listed.body.items.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([[ncId, 'OPEN']]);

    // Only the quality head dispositions and closes; closing needs a disposition.
    const qualityStaff = `Bearer ${await mintToken({ username: 'quality.staff', department: 'QUALITY', role: 'STAFF' })}`;
    await gateway.post(`/api/v1/quality/nonconformances/${ncId}/disposition`).set('authorization', qualityStaff).send({ disposition: 'REWORK', note: 'rework' }).expect(403);
    const early = await gateway.post(`/api/v1/quality/nonconformances/${ncId}/close`).set('authorization', await as('quality.head')).expect(422);
    expect(early.body.errors).toEqual([{ field: 'disposition', message: 'required before closing' }]);
    const badDisposition = await gateway.post(`/api/v1/quality/nonconformances/${ncId}/disposition`).set('authorization', await as('quality.head')).send({ disposition: 'IGNORE', note: 'x' }).expect(400);
    expect(badDisposition.body.errors.map((e: { field: string }) => e.field)).toEqual(['disposition']);
    const dispositioned = await gateway
      .post(`/api/v1/quality/nonconformances/${ncId}/disposition`)
      .set('authorization', await as('quality.head'))
      .send({ disposition: 'REWORK', note: 're-drill, then re-inspect 100%' })
      .expect(200);
    expect(dispositioned.body).toMatchObject({ status: 'DISPOSITIONED', disposition: 'REWORK', dispositionedBy: 'quality.head' });
    await gateway.post(`/api/v1/quality/nonconformances/${ncId}/close`).set('authorization', await as('quality.head')).set('if-match', String(dispositioned.body.version - 1)).expect(409);
    const closed = await gateway.post(`/api/v1/quality/nonconformances/${ncId}/close`).set('authorization', await as('quality.head')).expect(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedBy: 'quality.head' });
    const late = await gateway.post(`/api/v1/quality/nonconformances/${ncId}/disposition`).set('authorization', await as('quality.head')).send({ disposition: 'SCRAP', note: 'x' }).expect(422);
    expect(late.body.errors.map((e: { field: string }) => e.field)).toEqual(['disposition']);

    // The reworked lot passes its final inspection: a numbered report.
    const passed = await inspect({ orderId: id, stage: 'FINAL', lot: 'LOT-A-R1', quantityInspected: 20, result: 'PASS', findings: 'all within ISO 2768-m' }, 201);
    expect(passed.body).toMatchObject({ result: 'PASS', nonconformance: null, report: { number: expect.stringMatching(/^IR-\d{4}-\d{6}$/) } });
    const inspections = await gateway.get(`/api/v1/quality/inspections?orderId=${id}`).set('authorization', await as('sales.staff')).expect(200);
    expect(inspections.body.items.map((i: { result: string }) => i.result)).toEqual(['FAIL', 'PASS']);

    // Quality's results in the combined view, and as sales learnt them from quality.order.results-changed.v1.
    const part = (await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200)).body.departments.quality.inspection;
    expect(part.results).toMatchObject({ revision: 3, inspectionsPassed: 1, inspectionsFailed: 1, finalInspectionPassed: true, openNonconformances: 0 });
    expect(part.nonconformances.map((n: { id: string; status: string; disposition: string }) => [n.id, n.status, n.disposition])).toEqual([[ncId, 'CLOSED', 'REWORK']]);
    await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}/execution`).set('authorization', await as('sales.staff')).expect(200);
      expect(res.body.quality).toMatchObject({ revision: 3, finalInspectionPassed: true, openNonconformances: 0 });
    }, { timeoutMs: 60_000 });
    // The audit trail of the order holds quality's steps.
    const trail = await gateway.get(`/api/v1/orders/${id}/audit`).set('authorization', await as('sales.head')).expect(200);
    const actions = JSON.stringify(trail.body);
    for (const a of ['inspection-plan.drafted', 'inspection.recorded', 'nonconformance.raised', 'nonconformance.dispositioned', 'nonconformance.closed']) expect(actions).toContain(a);
  }, 420_000);
});
