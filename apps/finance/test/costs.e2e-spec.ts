import { randomUUID } from 'node:crypto';
import {
  type Envelope,
  fromMinorUnits,
  materialAmount,
  ProductionWorkReportedV1,
  type PurchasingReceiptInspected,
  PurchasingReceiptInspectedV1,
  type PurchasingRequirementsComputed,
  PurchasingRequirementsComputedV1,
  type SalesOrderReceived,
  SalesOrderReceivedV1,
  toMinorUnits,
} from '@opm/contracts';
import { eventually, KafkaTestClient, OrderDriver, orderReceivedEvent, type ReceivedMessage, testGroupId, TestStack } from '@opm/testing';

interface Breakdown {
  materials: string;
  labour: string;
  overhead: string;
  total: string;
}
interface Costs {
  orderId: string;
  currency: string;
  planned: Breakdown | null;
  actual: Breakdown;
  variance: Breakdown | null;
  plannedFrom: { reviewTaskId: string; reviewRound: number } | null;
  actualFrom: { hoursWorked: string; workReports: number; acceptedReceipts: number; receiptMaterials: string; reservedStockLines: number; stockMaterials: string };
  notCounted: { source: string; ref: string; reason: string }[];
}

const cents = (money: string) => toMinorUnits(money);
/** Hours x rate as the test computes it on its own: hundredths of an hour x cents, rounded half up to the cent. */
const hoursAt = (hours: string, rate: string): bigint => {
  const [whole, fraction = ''] = hours.split('.');
  const exact = (BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))) * cents(rate); // hundredths of an hour x cents
  return (exact + 50n) / 100n;
};
const minus = (a: Breakdown, b: Breakdown): Breakdown => ({
  materials: fromMinorUnits(cents(a.materials) - cents(b.materials)),
  labour: fromMinorUnits(cents(a.labour) - cents(b.labour)),
  overhead: fromMinorUnits(cents(a.overhead) - cents(b.overhead)),
  total: fromMinorUnits(cents(a.total) - cents(b.total)),
});

function envelope<P>(type: string, orderId: string, payload: P, actor: Envelope['actor']): Envelope<P> {
  return { eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), orderId, correlationId: randomUUID(), causationId: null, actor, payload };
}

/**
 * Cost accounting per order (R5.6, issue 14 item 4) through the gateway on real Kafka and PostgreSQL: the plan is
 * finance's review estimate, the actual labour and overhead come from production's reported hours at the work
 * centres' rates, the actual materials from purchasing's accepted receipts (published here onto the real topic as
 * purchasing would) and reserved stock, each applied once.
 */
describe('finance: cost accounting per order (e2e)', () => {
  let stack: TestStack;
  let driver: OrderDriver;
  let workReports: ReceivedMessage[];
  const kafka = new KafkaTestClient();

  beforeAll(async () => {
    // Generous upstream timeouts: seven services on a loaded 2-core machine answer slowly, and a 504 is not what this tests.
    stack = await TestStack.start({ env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
    driver = new OrderDriver(stack);
    await stack.waitForDemoData();
    workReports = await kafka.listen(ProductionWorkReportedV1.topic);
  }, 480_000);
  afterAll(async () => {
    await kafka.close();
    await stack?.stop();
  });

  const costs = async (id: string, user = 'finance.staff') => driver.get(`/finance/orders/${id}/costs`, user);
  const costsWhen = (id: string, check: (c: Costs) => void): Promise<Costs> =>
    eventually(async () => {
      const res = await costs(id);
      expect(res.status).toBe(200);
      check(res.body);
      return res.body as Costs;
    }, { timeoutMs: 60_000 });
  const publish = (topic: string, event: Envelope<unknown>) => kafka.produce(topic, [{ key: event.orderId as string, value: JSON.stringify(event) }]);
  const financeConsumed = (topic: string) => kafka.waitUntilConsumed(testGroupId('finance'), topic, 60_000);

  let orderId: string;
  let planned: Breakdown;

  it('R5.6 issue -> planned cost is the review estimate; reported hours at the work centres\' rates -> actual labour and overhead, variance; rates and hours validated', async () => {
    // The production head sets machining's rates (odd figures, so rounding shows); bad input names the field, staff may not.
    const rates = { labourRatePerHour: '42.35', overheadRatePerHour: '18.85', currency: 'CNY', reason: 'e2e' };
    const bad = await driver.gateway.put('/api/v1/work-centres/MACHINING/rates').set('authorization', await stack.bearer('production.head')).send({ ...rates, labourRatePerHour: '42.355' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['labourRatePerHour']);
    const staff = await driver.gateway.put('/api/v1/work-centres/MACHINING/rates').set('authorization', await stack.bearer('production.staff')).send(rates);
    expect(staff.status).toBe(403);
    const set = await driver.gateway.put('/api/v1/work-centres/MACHINING/rates').set('authorization', await stack.bearer('production.head')).send(rates);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ code: 'MACHINING', labourRatePerHour: '42.35', overheadRatePerHour: '18.85', rateCurrency: 'CNY' });

    const issued = await driver.issued();
    orderId = issued.id;

    // Planned: exactly what finance's review showed for the order (GET /orders/{id}/review).
    const review = (await driver.get(`/orders/${orderId}/review`)).body;
    const task = review.rounds.at(-1).tasks.find((t: { department: string }) => t.department === 'FINANCE');
    const estimate = task.assessment.details.cost as Breakdown;
    expect(cents(estimate.total)).toBeGreaterThan(0n);
    // Actual materials from the start: the free stock purchasing reserved for the order at issue, at standard cost.
    const requirements = await eventually(async () => {
      const res = await driver.get(`/purchasing/requirements?orderId=${orderId}`);
      expect(res.body.total).toBeGreaterThan(0);
      return res.body.items as { reserved: string; standardUnitCost: string | null }[];
    }, { timeoutMs: 60_000 });
    const stock = requirements.reduce((sum, r) => sum + (r.standardUnitCost ? cents(materialAmount(r.reserved, r.standardUnitCost)) : 0n), 0n);
    expect(stock).toBeGreaterThan(0n);
    const before = await costsWhen(orderId, (c) => {
      expect(c.planned).not.toBeNull();
      expect(c.actualFrom.reservedStockLines).toBeGreaterThan(0);
    });
    planned = before.planned as Breakdown;
    expect(planned).toEqual(estimate);
    const materials = fromMinorUnits(stock);
    expect(before).toMatchObject({ orderId, currency: 'CNY', actual: { materials, labour: '0.00', overhead: '0.00', total: materials }, plannedFrom: { reviewRound: review.rounds.at(-1).round } });
    expect(before.variance).toEqual(minus(before.actual, planned));

    await driver.release(orderId, issued.plan);
    const [first, second] = issued.plan.tasks;
    const progress = (taskId: string, body: object, user = 'production.staff') => driver.post(`/production/plans/${issued.plan.id}/tasks/${taskId}/progress`, user, body);

    // hoursWorked: positive, at most 2 decimals, a number; 400 naming it, and nothing is written.
    for (const hoursWorked of [0, -1, 1.005, 'seven']) {
      const res = await progress(first.id, { progressPercent: 10, hoursWorked });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('hoursWorked');
    }
    expect((await driver.get(`/production/plans/${issued.plan.id}`)).body.tasks[0].progressPercent).toBe(0);

    // Three reports: two on the first task, one on the second; a report without hours costs nothing.
    const reports: { task: { id: string; workCentre: string }; hours: string }[] = [
      { task: first, hours: '7.25' },
      { task: first, hours: '3.3' },
      { task: second, hours: '2.55' },
    ];
    expect((await progress(first.id, { progressPercent: 40, hoursWorked: 7.25 })).status).toBe(200);
    expect((await progress(first.id, { progressPercent: 60, note: 'no hours this time' })).status).toBe(200);
    expect((await progress(first.id, { progressPercent: 100, hoursWorked: 3.3 })).status).toBe(200);
    expect((await progress(second.id, { progressPercent: 100, hoursWorked: 2.55 })).status).toBe(200);

    // The expected actuals from each task's work centre's rates as production serves them.
    let labour = 0n;
    let overhead = 0n;
    for (const r of reports) {
      const centre = (await driver.get(`/work-centres/${r.task.workCentre}`)).body;
      labour += hoursAt(r.hours, centre.labourRatePerHour);
      overhead += hoursAt(r.hours, centre.overheadRatePerHour);
    }
    expect(first.workCentre).toBe('MACHINING');
    const after = await costsWhen(orderId, (c) => expect(c.actualFrom.workReports).toBe(3));
    const actual = { materials, labour: fromMinorUnits(labour), overhead: fromMinorUnits(overhead), total: fromMinorUnits(stock + labour + overhead) };
    expect(after.actual).toEqual(actual);
    expect(after.actualFrom).toMatchObject({ hoursWorked: '13.10', workReports: 3, acceptedReceipts: 0 });
    expect(after.variance).toEqual(minus(actual, planned));
    expect(after.planned).toEqual(planned);

    // Finance's part of the combined view shows the same summary.
    const combined = await driver.order(orderId);
    expect(combined.departments.finance.costs).toEqual(after);

    // Who may read it: finance, the sales head, the leader; other departments 403; an unknown order 404.
    for (const user of ['finance.head', 'sales.head', 'leader']) expect((await costs(orderId, user)).status).toBe(200);
    for (const user of ['sales.staff', 'production.head', 'purchasing.head', 'quality.head', 'logistics.staff']) expect((await costs(orderId, user)).status).toBe(403);
    expect((await costs(randomUUID())).status).toBe(404);
  });

  it('R5.6 a redelivered work report is not counted twice', async () => {
    const before = (await costs(orderId)).body as Costs;
    const ours = await eventually(async () => {
      const found = workReports.filter((m) => m.key === orderId);
      expect(found).toHaveLength(3);
      return found;
    });
    // The same envelope again on the real topic, as a redelivery would bring it.
    await kafka.produce(ProductionWorkReportedV1.topic, [{ key: orderId, value: ours[0].value as string }]);
    await financeConsumed(ProductionWorkReportedV1.topic);
    expect((await costs(orderId)).body).toEqual(before);
  });

  it('R5.6 accepted receipts are actual materials at contract prices, rejected ones nothing, a redelivery adds nothing', async () => {
    const before = (await costs(orderId)).body as Costs;
    const lines = [
      { materialCode: 'M-STEEL-304', quantity: '12.5', unitPrice: '33.33' },
      { materialCode: 'M-GASKET-DN100', quantity: '100', unitPrice: '0.85' },
    ].map((l) => ({ ...l, amount: materialAmount(l.quantity, l.unitPrice) }));
    const inspected = (result: 'ACCEPTED' | 'REJECTED', receiptLines = lines): Envelope<PurchasingReceiptInspected> =>
      envelope(PurchasingReceiptInspectedV1.type, orderId, {
        orderId,
        contractId: randomUUID(),
        contractNumber: 'PC-2026-000042',
        supplierId: 'SUP-BAOSTEEL',
        receiptId: randomUUID(),
        result,
        disposition: result === 'REJECTED' ? 'RETURN' : null,
        lines: receiptLines,
        currency: 'CNY',
        contractStatus: result === 'ACCEPTED' ? 'RECEIVED' : 'SIGNED',
        note: null,
        inspectedBy: 'quality.head',
        inspectedAt: new Date().toISOString(),
      }, { username: 'quality.head', department: 'QUALITY', role: 'HEAD' });
    const rejected = inspected('REJECTED', [{ materialCode: 'M-STEEL-304', quantity: '5', unitPrice: '33.33', amount: materialAmount('5', '33.33') }]);
    const accepted = inspected('ACCEPTED');
    await publish(PurchasingReceiptInspectedV1.topic, rejected);
    await publish(PurchasingReceiptInspectedV1.topic, accepted);

    const received = cents(lines[0].amount) + cents(lines[1].amount);
    expect(fromMinorUnits(received)).toBe('501.63'); // 416.625 -> 416.63, plus 85.00
    const after = await costsWhen(orderId, (c) => expect(c.actualFrom.acceptedReceipts).toBe(before.actualFrom.acceptedReceipts + 1));
    expect(after.actualFrom.receiptMaterials).toBe(fromMinorUnits(cents(before.actualFrom.receiptMaterials) + received));
    expect(after.actual.materials).toBe(fromMinorUnits(cents(before.actual.materials) + received));
    expect(after.actual.total).toBe(fromMinorUnits(cents(before.actual.total) + received));
    expect(after.actual.labour).toBe(before.actual.labour);
    expect(after.variance).toEqual(minus(after.actual, planned));

    // The accepted receipt delivered again: nothing more.
    await publish(PurchasingReceiptInspectedV1.topic, accepted);
    await financeConsumed(PurchasingReceiptInspectedV1.topic);
    expect((await costs(orderId)).body).toEqual(after);
  });

  it('R5.6 reserved free stock is charged at standard cost; the latest computation replaces the earlier, an older one changes nothing', async () => {
    // An order of its own that only finance's copy knows (fed as sales would), so no other computation mixes in.
    const received: Envelope<SalesOrderReceived> = orderReceivedEvent(randomUUID());
    const id = received.payload.orderId;
    await kafka.produce(SalesOrderReceivedV1.topic, [{ key: id, value: JSON.stringify(received) }]);
    await eventually(async () => expect((await costs(id)).status).toBe(200), { timeoutMs: 60_000 });

    const computed = (at: Date, requirements: PurchasingRequirementsComputed['requirements']): Envelope<PurchasingRequirementsComputed> =>
      envelope(PurchasingRequirementsComputedV1.type, id, { orderId: id, requirements, computedAt: at.toISOString() }, { username: 'system:purchasing' });
    const requirement = (materialCode: string, reserved: string, standardUnitCost: string | null) => ({
      materialCode,
      unit: 'kg',
      required: '50',
      reserved,
      toPurchase: fromMinorUnits(0n),
      latestOrderDate: null,
      standardUnitCost,
      currency: standardUnitCost === null ? null : 'CNY',
    });
    const t0 = new Date(Date.now() - 60_000);
    const first = computed(t0, [requirement('M-STEEL-304', '20.125', '31.40'), requirement('M-BOLT-M16', '0', '0.35'), requirement('M-PAINT', '2', null)]);
    await publish(PurchasingRequirementsComputedV1.topic, first);
    const one = await costsWhen(id, (c) => expect(c.actualFrom.reservedStockLines).toBe(2));
    expect(one.actual.materials).toBe(materialAmount('20.125', '31.40')); // 631.925 -> 631.93
    expect(one.actualFrom.stockMaterials).toBe('631.93');
    expect(one.notCounted).toEqual([expect.objectContaining({ source: 'RESERVED_STOCK', ref: 'M-PAINT', reason: 'no standard cost to value it at' })]);
    expect(one.planned).toBeNull();
    expect(one.variance).toBeNull();

    // Recomputed later with less stock: it replaces the first.
    await publish(PurchasingRequirementsComputedV1.topic, computed(new Date(t0.getTime() + 30_000), [requirement('M-STEEL-304', '10', '31.40')]));
    const two = await costsWhen(id, (c) => expect(c.actualFrom.reservedStockLines).toBe(1));
    expect(two.actual.materials).toBe('314.00');
    expect(two.notCounted).toEqual([]);

    // The first computation redelivered, and an older one arriving late: nothing changes.
    await publish(PurchasingRequirementsComputedV1.topic, first);
    await publish(PurchasingRequirementsComputedV1.topic, computed(new Date(t0.getTime() - 30_000), [requirement('M-STEEL-304', '99', '31.40')]));
    await financeConsumed(PurchasingRequirementsComputedV1.topic);
    expect((await costs(id)).body).toEqual(two);
  });
});
