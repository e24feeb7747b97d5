import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { daysFromToday, ProductionProblemRaisedV1 } from '@opm/contracts';
import { clearOrderBody, eventually, extractPdf, KafkaTestClient, OrderDriver, REPO_ROOT, TEST_KAFKA_BROKERS, TestStack, testDatabaseUrl, testGroupId } from '@opm/testing';

const run = promisify(execFile);

interface Entry {
  seq: number;
  at: string;
  department: string;
  actor: string;
  kind: string;
  summary: string;
  ref: { type: string; id: string };
}

/** The ISO week (UTC) of a moment, e.g. 2026-W49: what the reports are asked for. */
function isoWeek(moment: Date): string {
  const day = Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1).padStart(2, '0')}`;
}

/**
 * The tracking ledger, weekly reports and order performance through the gateway (issue 15 items 1, 5, 6a): an order
 * taken from intake to delivery shows every department's facts in the order they happened (R6.2); a redelivered
 * event adds nothing; the week's reports count what happened (R6.5); the delivered order's performance (R1.4); the
 * replay command rebuilds the ledger from the topics and finds a deleted entry (R6.2).
 */
describe('tracking ledger, weekly reports, performance (e2e)', () => {
  let stack: TestStack;
  let driver: OrderDriver;
  let kafka: KafkaTestClient;
  const week = isoWeek(new Date());
  /** The one order this file takes through execution; every later case reads it. */
  let order: { id: string; number: string; deliveryDate: string; tasks: number; problemId: string };

  beforeAll(async () => {
    stack = await TestStack.start({ env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
    driver = new OrderDriver(stack);
    kafka = new KafkaTestClient();
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(async () => {
    await kafka?.close();
    await stack?.stop();
  });

  const ledger = async (id: string): Promise<Entry[]> => {
    const res = await driver.get(`/orders/${id}/ledger`, 'marketing.staff');
    if (res.status !== 200) throw new Error(`GET ledger: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.entries as Entry[];
  };
  /** Waits until the ledger holds `count` entries of the kind (sales consumes every department's topic on its own). */
  const ledgerHas = (id: string, kind: string, count = 1) =>
    eventually(async () => {
      const entries = await ledger(id);
      const found = entries.filter((e) => e.kind === kind);
      if (found.length < count) throw new Error(`ledger of ${id} has ${found.length} ${kind}, waiting for ${count}`);
      return entries;
    }, { timeoutMs: 60_000 });
  const replay = async (...args: string[]) =>
    run(process.execPath, [join(REPO_ROOT, 'dist', 'apps', 'sales', 'src', 'tracking', 'replay', 'replay-main.js'), ...args], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl('sales'), KAFKA_BROKERS: TEST_KAFKA_BROKERS, LEDGER_REPLAY_TIMEOUT_MS: '90000' },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: `${err.stdout}${err.stderr}` }),
    );

  it('R6.1 R6.2 an order through review, issue, production (progress, a problem raised and resolved), quality and logistics shows every department\'s facts in the order they happened', async () => {
    const body = clearOrderBody();
    const { id, plan } = await driver.issued(body);
    await ledgerHas(id, 'ORDER_ISSUED');
    await driver.release(id, plan);
    await ledgerHas(id, 'PLAN_RELEASED');
    expect((await driver.post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 40, note: 'first half turned' })).status).toBe(200);
    await ledgerHas(id, 'TASK_PROGRESSED');
    const problem = await driver.post(`/production/plans/${plan.id}/problems`, 'production.staff', { kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description: 'spindle bearing failed' });
    expect(problem.status).toBe(201);
    await ledgerHas(id, 'PROBLEM_RAISED');
    expect((await driver.post(`/production/problems/${problem.body.id}/resolve`, 'production.staff', { resolution: 'bearing replaced' })).status).toBe(200);
    await ledgerHas(id, 'PROBLEM_RESOLVED');
    await driver.produce(plan, 100);
    await ledgerHas(id, 'PLAN_COMPLETED');
    await driver.finalInspection(id, 'PASS', 100);
    await driver.statusBecomes(id, 'READY_TO_SHIP');
    await ledgerHas(id, 'INSPECTION_RECORDED');
    const shipment = await eventually(async () => {
      const res = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 100 }], carrier: 'COSCO Shipping', plannedDate: daysFromToday(7) });
      if (res.status !== 201) throw new Error(`logistics does not ship ${id} yet: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    }, { timeoutMs: 120_000 });
    await ledgerHas(id, 'SHIPMENT_PLANNED');
    expect((await driver.post(`/logistics/shipments/${shipment.id}/dispatch`, 'logistics.staff', { trackingNumber: 'COSU6182736450' })).status).toBe(200);
    await ledgerHas(id, 'SHIPMENT_DISPATCHED');
    expect((await driver.post(`/logistics/shipments/${shipment.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei, goods-in', receivedAt: new Date().toISOString(), note: null })).status).toBe(200);
    const placed = await driver.statusBecomes(id, 'DELIVERED');
    const entries = await ledgerHas(id, 'SHIPMENT_DELIVERED');
    order = { id, number: placed.number, deliveryDate: body.deliveryDate as string, tasks: plan.tasks.length, problemId: problem.body.id };

    // Numbered 1, 2, 3... with no gap, and the facts in the order they happened across departments.
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const firstOf = (kind: string) => entries.findIndex((e) => e.kind === kind);
    const story = ['ORDER_RECEIVED', 'REVIEW_OPINION', 'ORDER_ISSUED', 'PLAN_RELEASED', 'TASK_PROGRESSED', 'PROBLEM_RAISED', 'PROBLEM_RESOLVED', 'PLAN_COMPLETED', 'INSPECTION_RECORDED', 'SHIPMENT_PLANNED', 'SHIPMENT_DISPATCHED', 'SHIPMENT_DELIVERED'];
    expect(story.map(firstOf).every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1]))).toBe(true);
    expect(entries[0]).toMatchObject({ seq: 1, department: 'SALES', kind: 'ORDER_RECEIVED', actor: 'sales.staff', ref: { type: 'order', id } });
    expect(new Set(entries.map((e) => e.department))).toEqual(new Set(['SALES', 'TECHNICAL', 'PRODUCTION', 'QUALITY', 'PURCHASING', 'FINANCE', 'LOGISTICS']));
    expect(entries.filter((e) => e.kind === 'ISSUE_ACKNOWLEDGED').map((e) => e.department).sort()).toEqual(['FINANCE', 'LOGISTICS', 'PRODUCTION', 'PURCHASING', 'QUALITY']);
    expect(entries.find((e) => e.kind === 'PROBLEM_RAISED')).toMatchObject({ department: 'PRODUCTION', actor: 'production.staff', summary: 'MAJOR problem raised (equipment failure): spindle bearing failed', ref: { type: 'production-problem', id: problem.body.id } });
    expect(entries.find((e) => e.kind === 'PROBLEM_RESOLVED')?.summary).toBe('Problem resolved by production.staff: bearing replaced');
    expect(entries.find((e) => e.kind === 'TASK_PROGRESSED')?.summary).toBe(`Task "${plan.tasks[0].name}" at 40%: first half turned`);
    expect(entries.find((e) => e.kind === 'SHIPMENT_DELIVERED')).toMatchObject({ department: 'LOGISTICS', ref: { type: 'shipment', id: shipment.id }, summary: expect.stringContaining('line 1 x 100') });
    expect(entries.filter((e) => e.kind === 'STATUS_CHANGED').map((e) => e.summary.split(' (')[0].split(' ').at(-1))).toEqual(expect.arrayContaining(['UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED', 'ISSUED', 'IN_EXECUTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED']));

    // Any signed-in user reads it; an unknown order is 404; a bad id 400.
    expect((await driver.get(`/orders/${id}/ledger`, 'logistics.staff')).status).toBe(200);
    expect((await driver.get('/orders/00000000-0000-4000-8000-000000000000/ledger')).status).toBe(404);
    expect((await driver.get('/orders/not-a-uuid/ledger')).status).toBe(400);
  }, 420_000);

  it('R6.2 the same event delivered again (same envelope id) adds no entry', async () => {
    const before = await ledger(order.id);
    const messages = await kafka.listen(ProductionProblemRaisedV1.topic);
    const original = await eventually(async () => {
      const found = messages.find((m) => m.key === order.id);
      if (!found) throw new Error('the problem event is not read yet');
      return found;
    }, { timeoutMs: 30_000 });
    await kafka.produce(ProductionProblemRaisedV1.topic, [{ key: order.id, value: original.value as string }]);
    await kafka.waitUntilConsumed(testGroupId('sales'), ProductionProblemRaisedV1.topic, 60_000);
    const after = await ledger(order.id);
    expect(after).toEqual(before);
    expect(after.filter((e) => e.kind === 'PROBLEM_RAISED')).toHaveLength(1);
  }, 120_000);

  it('R6.5 the week\'s reports count what happened: production, purchasing, quality, and the leadership report per order (JSON and PDF)', async () => {
    const report = async (query: string) => {
      const res = await driver.get(`/reports/weekly?${query}`, 'leader');
      expect(res.status).toBe(200);
      return res.body;
    };
    const entries = await ledger(order.id);
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect(await report(`week=${week}&department=PRODUCTION`)).toEqual({
      week,
      from: expect.any(String),
      to: expect.any(String),
      department: 'PRODUCTION',
      orders: 1,
      production: {
        ordersAdvanced: 1,
        plansReleased: 1,
        plansCompleted: 1,
        tasksDone: order.tasks,
        progressReports: order.tasks + 1,
        problemsOpened: { total: 1, MINOR: 0, MAJOR: 1 },
        problemsClosed: { total: 1, MINOR: 0, MAJOR: 1 },
      },
      purchasing: null,
      quality: null,
    });
    expect((await report(`week=${week}&department=QUALITY`)).quality).toEqual({ inspectionsPassed: 1, inspectionsFailed: 0, nonconformancesOpened: 0, nonconformancesClosed: 0 });
    expect((await report(`week=${week}&department=PURCHASING`)).purchasing).toEqual({ contractsSigned: count('CONTRACT_SIGNED'), receipts: count('RECEIPT_RECORDED'), deliveriesLate: 0, contractsLate: 0, receiptInspections: { accepted: 0, rejected: 0 } });

    const leadership = await report(`week=${week}`);
    expect(leadership.orders).toEqual([
      expect.objectContaining({
        orderId: order.id,
        number: order.number,
        status: 'DELIVERED',
        promisedDate: order.deliveryDate,
        expectedDate: new Date().toISOString().slice(0, 10),
        late: false,
        entries: entries.length,
        production: expect.objectContaining({ plansReleased: 1, plansCompleted: 1, problemsOpened: { total: 1, MINOR: 0, MAJOR: 1 } }),
        quality: expect.objectContaining({ inspectionsPassed: 1 }),
      }),
    ]);
    expect(leadership.totals).toMatchObject({ orders: 1, late: 0, entries: entries.length });

    // Another week has none of it; a malformed week or an unknown department is 400 naming the field.
    expect((await report('week=2020-W10')).orders).toEqual([]);
    const bad = await driver.get('/reports/weekly?week=2026-49', 'leader');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['week']);
    const unknown = await driver.get(`/reports/weekly?week=${week}&department=SALES`, 'leader');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['department']);

    const pdf = await fetch(`${stack.member('gateway').baseUrl}/api/v1/reports/weekly.pdf?week=${week}`, { headers: { authorization: await stack.bearer('leader') } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdf(Buffer.from(await pdf.arrayBuffer()))).pages.join('').replace(/\s+/g, '');
    for (const part of ['WEEKLYEXECUTIONREPORT', week, order.number, 'DELIVERED', order.deliveryDate]) expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
  }, 120_000);

  it('R1.4 after delivery: on time, the ordered quantity delivered, the final inspection passed with no nonconformance', async () => {
    const res = await driver.get(`/monitoring/orders/${order.id}/performance`, 'production.staff');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      promisedDate: order.deliveryDate,
      actualDeliveryDate: new Date().toISOString().slice(0, 10),
      onTime: true,
      daysLate: 0,
      lines: [{ lineNo: 1, ordered: 100, delivered: 100 }],
      quantityComplete: true,
      inspections: { passed: 1, failed: 0 },
      nonconformances: { opened: 0, open: 0 },
      rightQuality: true,
    });
    expect((await driver.get('/monitoring/orders/00000000-0000-4000-8000-000000000000/performance')).status).toBe(404);
  }, 60_000);

  it('R6.2 the replay rebuilds the ledger from the topics: no difference; an entry deleted is reported, and --apply puts it back', async () => {
    // The whole output on failure: each difference is a line.
    expect(await replay()).toEqual({ code: 0, stdout: expect.stringMatching(/: 0 differences\n$/) });

    const db = new Client({ connectionString: testDatabaseUrl('sales') });
    await db.connect();
    try {
      const { rows } = await db.query(`DELETE FROM sales_ledger_entry WHERE "orderId" = $1 AND kind = 'PROBLEM_RAISED' RETURNING "eventId"`, [order.id]);
      expect(rows).toHaveLength(1);
      const lost = await replay();
      expect(lost).toEqual({ code: 1, stdout: expect.stringMatching(/: 1 differences\n$/) });
      expect(lost.stdout).toContain(`order ${order.id}: PROBLEM_RAISED ${rows[0].eventId}`);
      expect(lost.stdout).toContain('is on the topics but not in the ledger');

      const applied = await replay('--apply');
      expect(applied).toEqual({ code: 0, stdout: expect.stringContaining('rebuilt ledger written for') });
      expect((await ledger(order.id)).filter((e) => e.kind === 'PROBLEM_RAISED')).toHaveLength(1);
      expect(await replay()).toEqual({ code: 0, stdout: expect.stringMatching(/: 0 differences\n$/) });
    } finally {
      await db.end();
    }
  }, 300_000);
});
