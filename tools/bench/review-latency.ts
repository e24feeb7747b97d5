import { daysFromToday } from '@opm/contracts';
import { eventually, orderBody, TestStack } from '@opm/testing';
import { postConcurrently } from './load';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing), issue 5: the time from `POST /orders` returning to the review
 * report being complete (all five departments' tasks opened, assessed and auto-confirmed, the report
 * consolidated by sales: the round's `concludedAt`), over ORDERS clear catalog orders sent CONCURRENCY at a
 * time. Starts its own stack with demo data (auto-confirm on); needs Kafka and PostgreSQL.
 */
const ORDERS = Number(process.env.ORDERS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

async function main(): Promise<void> {
  const stack = await TestStack.start({ basePort: Number(process.env.BENCH_BASE_PORT ?? 3200) });
  try {
    await stack.waitForDemoData();
    const api = `${stack.member('gateway').baseUrl}/api/v1`;
    const auth = { authorization: await stack.bearer('sales.staff') };
    // Small catalog orders, far out: every department can clear them, so the round completes by itself.
    const body = () => orderBody({ deliveryDate: daysFromToday(180), lines: [{ productCode: 'P-100', quantity: 10, unitPrice: '12.50' }], specialRequirements: null });
    const { posted, seconds } = await postConcurrently(`${api}/orders`, auth, body, ORDERS, CONCURRENCY);
    const latencies: number[] = [];
    for (const { id, at } of posted) {
      const concludedAt = await eventually(
        async () => {
          const res = await fetch(`${api}/orders/${id}/review`, { headers: auth });
          const { rounds } = (await res.json()) as { rounds: { status: string; concludedAt: string | null }[] };
          const done = rounds[0]?.concludedAt;
          if (!done) throw new Error(`review of ${id} not complete (${rounds[0]?.status})`);
          if (rounds[0].status !== 'PASSED') throw new Error(`review of ${id} ended ${rounds[0].status}`);
          return Date.parse(done);
        },
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      latencies.push(Math.max(0, concludedAt - at));
    }
    console.log(`orders: ${ORDERS} (concurrency ${CONCURRENCY}), ${(ORDERS / seconds).toFixed(1)} orders/s recorded`);
    console.log(`POST returned -> review report complete (ms): p50 ${percentile(latencies, 50)}  p99 ${percentile(latencies, 99)}  max ${Math.max(...latencies)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
