import { daysFromToday } from '@opm/contracts';
import { clearOrderBody, eventually, OrderDriver, TestStack } from '@opm/testing';

interface ShipmentBody {
  id: string;
  number: string;
  status: string;
  version: number;
  lines: { lineNo: number; quantity: number }[];
  transportMode: string;
  packaging: string;
}

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

/**
 * Shipping through the gateway (issue 14 item 3, R5.5, R1.4): an order READY_TO_SHIP gets shipments with the
 * transport mode and packaging its special requirements ask for (R2.3), no more than remains to ship; the first
 * dispatch moves it to SHIPPED; two partial proofs of delivery add up and only the second moves it to DELIVERED,
 * with the promised and the actual delivery date in sales' execution summary.
 */
describe('logistics shipping (e2e)', () => {
  let stack: TestStack;
  let driver: OrderDriver;

  beforeAll(async () => {
    // Generous upstream timeouts: seven services on a loaded 2-core machine answer slowly, and a 504 is not what this tests.
    stack = await TestStack.start({ env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
    driver = new OrderDriver(stack);
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(() => stack?.stop());

  const execution = async (id: string) => {
    const res = await driver.get(`/orders/${id}/execution`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const salesAudit = async (id: string, action: string) => {
    const res = await driver.get(`/orders/${id}/audit`, 'sales.head');
    expect(res.status).toBe(200);
    return (res.body.items as { service: string; action: string }[]).filter((e) => e.service === 'sales' && e.action === action).length;
  };
  /** Logistics learns the order's status from sales' event: the first shipment waits for its copy to say READY_TO_SHIP. */
  const planWhenShippable = (body: Record<string, unknown>) =>
    eventually(async () => {
      const res = await driver.post('/logistics/shipments', 'logistics.staff', body);
      if (res.status === 409) throw new Error(`logistics does not see the order READY_TO_SHIP yet: ${JSON.stringify(res.body)}`);
      return res;
    }, { timeoutMs: 60_000 });

  it('R5.5 R1.1 a shipment is refused (409) for an order not yet READY_TO_SHIP', async () => {
    const { id } = await driver.issued();
    // The copy exists in logistics (422 naming orderId before that) and says ISSUED: 409, nothing planned.
    const refused = await eventually(async () => {
      const res = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 10 }], carrier: 'COSCO Shipping', plannedDate: daysFromToday(30) });
      expect(res.status).toBe(409);
      return res;
    }, { timeoutMs: 60_000 });
    expect(refused.body).toMatchObject({ action: 'ship' });
    expect((await driver.get(`/logistics/shipments?orderId=${id}`)).body.total).toBe(0);
  }, 300_000);

  it('R5.5 R2.3 R1.4 READY_TO_SHIP -> shipment with R2.3 defaults -> 422 over-quantity -> 403 other department -> dispatch SHIPPED -> two partial deliveries -> DELIVERED only after the second, promised and actual dates kept', async () => {
    const body = clearOrderBody();
    const { id } = await driver.readyToShip(body);
    const promised = body.deliveryDate as string;
    const plannedDate = daysFromToday(7);

    // Bad input first: nothing half-written.
    const zero = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 0 }], carrier: 'COSCO Shipping', plannedDate });
    expect(zero.status).toBe(400);
    expect(fields(zero.body)).toContain('lines.0.quantity');
    const other = await driver.post('/logistics/shipments', 'production.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 60 }], carrier: 'COSCO Shipping', plannedDate });
    expect(other.status).toBe(403);

    // R2.3: the order asks for sea freight in an export crate; the shipment takes them when none are given.
    const first = await planWhenShippable({ orderId: id, lines: [{ lineNo: 1, quantity: 60 }], carrier: 'COSCO Shipping', plannedDate });
    expect(first.status).toBe(201);
    const s1 = first.body as ShipmentBody;
    expect(s1).toMatchObject({ status: 'PLANNED', transportMode: 'sea freight', packaging: 'export crate', lines: [{ lineNo: 1, quantity: 60 }] });
    expect(s1.number).toMatch(/^SH-\d{4}-\d{6}$/);

    const unknownLine = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 2, quantity: 1 }], carrier: 'DHL', plannedDate });
    expect(unknownLine.status).toBe(422);
    expect(fields(unknownLine.body)).toEqual(['lines[0].lineNo']);
    const over = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 41 }], carrier: 'DHL', plannedDate });
    expect(over.status).toBe(422);
    expect(fields(over.body)).toEqual(['lines[0].quantity']);

    // The rest by air: what is given wins over R2.3, and it can still change before it leaves.
    const second = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 40 }], carrier: 'DHL Global Forwarding', plannedDate, transportMode: 'air freight' });
    expect(second.status).toBe(201);
    const s2 = second.body as ShipmentBody;
    expect(s2).toMatchObject({ transportMode: 'air freight', packaging: 'export crate' });
    const changed = await driver.gateway.patch(`/api/v1/logistics/shipments/${s2.id}`).set('authorization', await stack.bearer('logistics.staff')).set('if-match', `"${s2.version}"`).send({ packaging: 'carton on pallet' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ packaging: 'carton on pallet', version: s2.version + 1 });
    expect((await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity: 1 }], carrier: 'DHL', plannedDate })).status).toBe(422);

    // Delivery before dispatch is refused; the first dispatch moves the order to SHIPPED.
    expect((await driver.post(`/logistics/shipments/${s1.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei', receivedAt: new Date().toISOString(), note: null })).status).toBe(409);
    expect((await driver.post(`/logistics/shipments/${s1.id}/dispatch`, 'production.staff', {})).status).toBe(403);
    const dispatched = await driver.post(`/logistics/shipments/${s1.id}/dispatch`, 'logistics.staff', { trackingNumber: 'COSU6182736450' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'DISPATCHED', dispatch: { trackingNumber: 'COSU6182736450', dispatchedBy: 'logistics.staff' } });
    expect((await driver.post(`/logistics/shipments/${s1.id}/dispatch`, 'logistics.staff', {})).status).toBe(409);
    const shipped = await driver.statusBecomes(id, 'SHIPPED');
    expect(shipped.departments.logistics.shipping.shipments.map((s: ShipmentBody) => s.status)).toEqual(['DISPATCHED', 'PLANNED']);
    expect(shipped.departments.logistics.shipping.lines).toEqual([{ lineNo: 1, ordered: 100, planned: 40, dispatched: 60, delivered: 0, remaining: 0 }]);

    // A proof of delivery cannot confirm more than the shipment carried.
    const tooMuch = await driver.post(`/logistics/shipments/${s1.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei', receivedAt: new Date().toISOString(), lines: [{ lineNo: 1, quantity: 61 }], note: null });
    expect(tooMuch.status).toBe(422);
    expect(fields(tooMuch.body)).toEqual(['lines[0].quantity']);

    // First partial delivery: 60 of 100, the order stays SHIPPED.
    const firstReceived = new Date(Date.now() - 60_000).toISOString();
    const delivered1 = await driver.post(`/logistics/shipments/${s1.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei, goods-in', receivedAt: firstReceived, note: 'crate 2 scuffed, contents fine' });
    expect(delivered1.status).toBe(200);
    expect(delivered1.body).toMatchObject({ status: 'DELIVERED', proofOfDelivery: { receivedBy: 'Li Wei, goods-in', lines: [{ lineNo: 1, quantity: 60 }], note: 'crate 2 scuffed, contents fine' } });
    await eventually(async () => expect((await execution(id)).shipping).toMatchObject({ shipmentsDelivered: 1, lines: [{ lineNo: 1, ordered: 100, shipped: 60, delivered: 60, outstanding: 40 }] }), { timeoutMs: 60_000 });
    expect((await driver.order(id)).status).toBe('SHIPPED');

    // The second shipment leaves: the order is already SHIPPED, nothing moves again.
    expect((await driver.post(`/logistics/shipments/${s2.id}/dispatch`, 'logistics.staff', {})).status).toBe(200);
    await eventually(async () => expect((await execution(id)).shipping).toMatchObject({ shipmentsDispatched: 2, lines: [{ shipped: 100 }] }), { timeoutMs: 60_000 });
    expect((await driver.order(id)).status).toBe('SHIPPED');
    expect(await salesAudit(id, 'order.shipped')).toBe(1);

    // Second partial delivery: all 100 delivered -> DELIVERED, with the last receivedAt as the actual delivery date.
    const lastReceived = new Date().toISOString();
    expect((await driver.post(`/logistics/shipments/${s2.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei, goods-in', receivedAt: lastReceived, note: null })).status).toBe(200);
    const delivered = await driver.statusBecomes(id, 'DELIVERED');
    expect(delivered.departments.logistics.shipping.lines).toEqual([{ lineNo: 1, ordered: 100, planned: 0, dispatched: 0, delivered: 100, remaining: 0 }]);
    const summary = await execution(id);
    expect(summary.status).toBe('DELIVERED');
    expect(summary.shipping).toMatchObject({
      lines: [{ lineNo: 1, ordered: 100, shipped: 100, delivered: 100, outstanding: 0 }],
      shipmentsDispatched: 2,
      shipmentsDelivered: 2,
      promisedDeliveryDate: promised,
      actualDeliveryDate: lastReceived.slice(0, 10),
      actualDeliveryAt: lastReceived,
      onTime: true,
    });
    expect(summary.shipping.deliveredAt).not.toBeNull();
    expect(await salesAudit(id, 'order.delivered')).toBe(1);
  }, 600_000);
});
