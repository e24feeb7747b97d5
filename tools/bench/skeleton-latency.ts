import { readFileSync } from 'node:fs';
import { DEPARTMENT_SERVICES } from '@opm/contracts';
import { eventually, orderBody, TestStack } from '@opm/testing';
import { postConcurrently } from './load';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing): idle RSS of each process, then the time from `POST /orders`
 * returning at the gateway to the last department having the order (its own `receivedAt`), over ORDERS
 * orders sent CONCURRENCY at a time. Starts its own stack on fresh databases; needs Kafka and PostgreSQL.
 */
const ORDERS = Number(process.env.ORDERS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

function rssMiB(pid: number | undefined): string {
  if (!pid) return 'n/a';
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? (Number(kb) / 1024).toFixed(1) : 'n/a';
}

async function main(): Promise<void> {
  const stack = await TestStack.start({ basePort: Number(process.env.BENCH_BASE_PORT ?? 3200) });
  try {
    await new Promise((r) => setTimeout(r, 5000)); // let start-up work settle before reading idle memory
    console.log('idle RSS (MiB):');
    for (const [name, p] of stack.members) console.log(`  ${name.padEnd(10)} ${rssMiB(p.pid)}`);

    const api = `${stack.member('gateway').baseUrl}/api/v1`;
    const auth = { authorization: await stack.bearer('sales.staff') };
    const { posted, seconds: postSeconds } = await postConcurrently(`${api}/orders`, auth, () => orderBody(), ORDERS, CONCURRENCY);
    const latencies: number[] = [];
    for (const { id, at } of posted) {
      const receivedAt = await eventually(
        async () => {
          const res = await fetch(`${api}/orders/${id}`, { headers: auth });
          const view = (await res.json()) as { departments: Record<string, { receivedAt?: string }> };
          return DEPARTMENT_SERVICES.map((d) => {
            const t = view.departments[d]?.receivedAt;
            if (!t) throw new Error(`${d} does not have ${id} yet`);
            return Date.parse(t);
          });
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      latencies.push(Math.max(0, Math.max(...receivedAt) - at));
    }
    console.log(`orders: ${ORDERS} (concurrency ${CONCURRENCY}), ${(ORDERS / postSeconds).toFixed(1)} orders/s accepted at the gateway`);
    console.log(`POST returned -> last department has the order (ms): p50 ${percentile(latencies, 50)}  p99 ${percentile(latencies, 99)}  max ${Math.max(...latencies)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
