import { randomUUID } from 'node:crypto';
import type { Principal } from '@opm/platform';
import { AppContext, reviewOrder, startAppContext } from '@opm/testing';
import { ReceivedOrder } from '@opm/workflow';
import { LogisticsAppModule } from '../app.module';
import { ShipmentsService } from './shipments.service';

const staff: Principal = { username: 'logistics.staff', department: 'LOGISTICS', role: 'STAFF' };
const year = new Date().getUTCFullYear();

/** Shipments against the real PostgreSQL (R5.5): what the events in the outbox say, and writers of one order queueing. */
describe('shipments (PostgreSQL)', () => {
  let ctx: AppContext;
  let shipments: ShipmentsService;

  beforeAll(async () => {
    ctx = await startAppContext('logistics', (config) => LogisticsAppModule.register(config), { database: 'logi_shipments' });
    shipments = ctx.app.get(ShipmentsService);
  });
  afterAll(() => ctx?.close());

  /** Logistics' copy of an issued order of 100, in `status` as sales last published it. */
  const copy = async (status: ReceivedOrder['status']) => {
    const order = reviewOrder({
      orderId: randomUUID(),
      number: `SO-${year}-${String(Math.floor(Math.random() * 999_999)).padStart(6, '0')}`,
      specialRequirements: { customization: null, packaging: 'export crate', transportMode: 'sea freight', other: null },
    });
    const { orderId, number, customerId, deliveryDate, currency, totalAmount, lines, specialRequirements } = order;
    await ctx.dataSource.getRepository(ReceivedOrder).insert({ orderId, number, customerId, deliveryDate, currency, totalAmount, lines, specialRequirements, sourceEventId: randomUUID(), issuedAt: new Date(), status, statusVersion: 9 });
    return orderId;
  };
  const events = async (orderId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    ctx.dataSource.query(`SELECT value->>'type' AS type, value->'payload' AS payload FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId]);
  const plan = (orderId: string, quantity: number) => shipments.plan({ orderId, lines: [{ lineNo: 1, quantity }], carrier: 'COSCO Shipping', plannedDate: '2027-02-15' }, staff);

  it('R5.5 two shipments of 60 planned at once for an order of 100: they queue on the order, one gets 60, the other is refused (422)', async () => {
    const orderId = await copy('READY_TO_SHIP');
    const results = await Promise.allSettled([plan(orderId, 60), plan(orderId, 60)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.getStatus()).toBe(422);
    expect((await shipments.list({ orderId, page: 1, pageSize: 50 })).total).toBe(1);
  });

  it('R5.5 R2.3 planned, dispatched and delivered are announced in the transaction that records them, with the order\'s delivered totals', async () => {
    const orderId = await copy('SHIPPED');
    const first = await plan(orderId, 60);
    const second = await plan(orderId, 40);
    await shipments.dispatch(first.id, { trackingNumber: 'COSU1' }, staff, first.version);
    await shipments.dispatch(second.id, {}, staff, undefined);
    await shipments.deliver(first.id, { receivedBy: 'Li Wei', receivedAt: '2027-03-01T10:30:00+08:00', lines: [{ lineNo: 1, quantity: 58 }], note: '2 missing' }, staff, undefined);
    await shipments.deliver(second.id, { receivedBy: 'Li Wei', receivedAt: '2027-03-02T10:30:00+08:00', note: null }, staff, undefined);
    const sent = await events(orderId);
    expect(sent.map((e) => e.type)).toEqual([
      'logistics.shipment.planned',
      'logistics.shipment.planned',
      'logistics.shipment.dispatched',
      'logistics.shipment.dispatched',
      'logistics.shipment.delivered',
      'logistics.shipment.delivered',
    ]);
    expect(sent[0].payload).toMatchObject({ transportMode: 'sea freight', packaging: 'export crate', lines: [{ lineNo: 1, quantity: 60 }] });
    expect(sent[4].payload).toMatchObject({ lines: [{ lineNo: 1, quantity: 58 }], deliveredTotals: [{ lineNo: 1, quantity: 58 }], receivedAt: '2027-03-01T02:30:00.000Z' });
    expect(sent[5].payload).toMatchObject({ deliveredTotals: [{ lineNo: 1, quantity: 98 }] });
    // The 2 short of the first delivery remain to ship.
    expect((await shipments.partOf(orderId))?.lines).toEqual([{ lineNo: 1, ordered: 100, planned: 0, dispatched: 0, delivered: 98, remaining: 2 }]);
    // A shipment leaves once: a second dispatch is 409.
    await expect(shipments.dispatch(first.id, {}, staff, undefined)).rejects.toMatchObject({ status: 409 });
  });

  it('R5.5 R1.1 an order not ready to ship gets no shipment (409), nothing written', async () => {
    const orderId = await copy('IN_EXECUTION');
    await expect(plan(orderId, 10)).rejects.toMatchObject({ status: 409 });
    expect(await events(orderId)).toEqual([]);
  });
});
