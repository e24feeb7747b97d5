import { daysFromToday } from '@opm/contracts';
import { clearOrderBody, eventually, OrderDriver, TestStack } from '@opm/testing';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing), issue 14: the time from the last `POST /logistics/shipments/{id}/delivery`
 * answering to `GET /api/v1/orders/{id}` (the combined view) showing the order DELIVERED, over DELIVERY_BENCH_ORDERS
 * (or ORDERS, default 8, at most 50) orders. Each order is taken to READY_TO_SHIP (OrderDriver, PREP_CONCURRENCY at a
 * time, not timed), planned in two shipments of 60 and 40, both dispatched, the first delivered; then, one order at a
 * time so nothing else loads the stack, the second delivery is timed while polling the combined view every 20 ms.
 * Beside it the bare baseline: one plain GET of the same combined view, the floor any polling sees. Starts its own
 * stack (127.0.0.1 only) with demo data; needs Kafka and PostgreSQL.
 */
const ORDERS = Math.min(50, Math.max(1, Number(process.env.DELIVERY_BENCH_ORDERS ?? process.env.ORDERS ?? 8)));
const PREP_CONCURRENCY = Math.min(4, Math.max(1, Number(process.env.PREP_CONCURRENCY ?? 2)));

async function main(): Promise<void> {
  // Polling every 20 ms would otherwise be throttled by the gateway's rate limit.
  const stack = await TestStack.start({ basePort: Number(process.env.BENCH_BASE_PORT ?? 3200), env: { RATE_LIMIT_PER_MINUTE: '1000000', UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
  try {
    const gateway = new URL(stack.member('gateway').baseUrl);
    if (gateway.hostname !== '127.0.0.1') throw new Error(`the benchmark talks to 127.0.0.1 only, not ${gateway.hostname}`);
    await stack.waitForDemoData();
    const driver = new OrderDriver(stack, 120_000);
    const expect = async (what: string, res: Promise<{ status: number; body: unknown }>, status: number) => {
      const answer = await res;
      if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body as { id: string };
    };
    const plan = (orderId: string, quantity: number) =>
      eventually(() => expect('plan', driver.post('/logistics/shipments', 'logistics.staff', { orderId, lines: [{ lineNo: 1, quantity }], carrier: 'bench', plannedDate: daysFromToday(7) }), 201), { timeoutMs: 60_000, intervalMs: 100 });

    // Not timed: every order READY_TO_SHIP, shipped in two parts, the first part delivered.
    const prepared: { orderId: string; last: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PREP_CONCURRENCY }, async () => {
        while (next < ORDERS) {
          next += 1;
          const { id } = await driver.readyToShip(clearOrderBody());
          const first = await plan(id, 60);
          const second = await plan(id, 40);
          for (const s of [first, second]) await expect('dispatch', driver.post(`/logistics/shipments/${s.id}/dispatch`, 'logistics.staff', {}), 200);
          await driver.statusBecomes(id, 'SHIPPED');
          await expect('delivery', driver.post(`/logistics/shipments/${first.id}/delivery`, 'logistics.staff', { receivedBy: 'bench', receivedAt: new Date().toISOString(), note: null }), 200);
          prepared.push({ orderId: id, last: second.id });
        }
      }),
    );

    const toDelivered: number[] = [];
    const baseline: number[] = [];
    for (const { orderId, last } of prepared) {
      await expect('delivery', driver.post(`/logistics/shipments/${last}/delivery`, 'logistics.staff', { receivedBy: 'bench', receivedAt: new Date().toISOString(), note: null }), 200);
      const answered = Date.now();
      await eventually(
        async () => {
          const { status } = (await driver.order(orderId)) as { status: string };
          if (status !== 'DELIVERED') throw new Error(`${orderId} is ${status}`);
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      toDelivered.push(Date.now() - answered);
      const started = Date.now();
      await driver.order(orderId);
      baseline.push(Date.now() - started);
    }
    console.log(`orders: ${ORDERS}, timed one at a time`);
    console.log(`last delivery answered -> combined view DELIVERED (ms): p50 ${percentile(toDelivered, 50)}  p99 ${percentile(toDelivered, 99)}  max ${Math.max(...toDelivered)}`);
    console.log(`baseline, one GET /api/v1/orders/{id} (ms):           p50 ${percentile(baseline, 50)}  p99 ${percentile(baseline, 99)}  max ${Math.max(...baseline)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
