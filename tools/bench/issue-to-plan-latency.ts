import { daysFromToday } from '@opm/contracts';
import { eventually, orderBody, TestStack } from '@opm/testing';
import { postConcurrently } from './load';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing), issue 13: the time from `POST /orders/{id}/issue` returning to the
 * order's production plan being visible (`GET /production/plans?orderId=`), and its inspection plan
 * (`GET /quality/plans?orderId=`) where quality serves one, over EXEC_BENCH_ORDERS (or ORDERS, default 100) clear catalog orders issued CONCURRENCY at
 * a time. The orders are recorded, reviewed (auto-confirm) and approved first; only the issuing is timed.
 */
const ORDERS = Number(process.env.EXEC_BENCH_ORDERS ?? process.env.ORDERS ?? 100);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

async function main(): Promise<void> {
  // Polling every 20 ms from four workers would otherwise be throttled by the gateway's rate limit.
  const stack = await TestStack.start({ basePort: Number(process.env.BENCH_BASE_PORT ?? 3200), env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  try {
    await stack.waitForDemoData();
    const api = `${stack.member('gateway').baseUrl}/api/v1`;
    const as = async (user: string) => ({ authorization: await stack.bearer(user), 'content-type': 'application/json' });
    const body = () => orderBody({ deliveryDate: daysFromToday(180), lines: [{ productCode: 'P-100', quantity: 10, unitPrice: '12.50' }], specialRequirements: null });
    const { posted } = await postConcurrently(`${api}/orders`, await as('sales.staff'), body, ORDERS, CONCURRENCY);
    const post = async (path: string, user: string, payload: object = {}) => {
      const res = await fetch(`${api}${path}`, { method: 'POST', headers: await as(user), body: JSON.stringify(payload) });
      if (res.status !== 200) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    };
    const visible = async (path: string, user = 'sales.staff') => {
      const res = await fetch(`${api}${path}`, { headers: await as(user) });
      if (res.status === 404 || res.status === 405) return 'absent' as const;
      const page = (await res.json()) as { total: number };
      if (page.total < 1) throw new Error(`${path}: nothing yet`);
      return 'seen' as const;
    };
    // Quality's inspection plans are timed only where the service declares them.
    const qualityPlans = (await fetch(`${api}/quality/plans?orderId=${posted[0].id}`, { headers: await as('sales.staff') })).status !== 404;
    const toPlan: number[] = [];
    const toBoth: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < posted.length) {
          const { id } = posted[next++];
          await eventually(
            async () => {
              const res = await fetch(`${api}/orders/${id}`, { headers: await as('sales.staff') });
              const { status } = (await res.json()) as { status: string };
              if (status !== 'AWAITING_APPROVAL') throw new Error(`${id} is ${status}`);
            },
            { timeoutMs: 120_000, intervalMs: 100 },
          );
          await post(`/orders/${id}/approvals/SALES_HEAD/decision`, 'sales.head', { decision: 'APPROVE', comment: 'bench' });
          await post(`/orders/${id}/approvals/DIVISION_LEADER/decision`, 'leader', { decision: 'APPROVE', comment: 'bench' });
          await post(`/orders/${id}/approvals/FINANCE/decision`, 'finance.head', { decision: 'APPROVE', comment: 'bench' });
          await post(`/orders/${id}/issue`, 'sales.head');
          const issued = Date.now();
          await eventually(() => visible(`/production/plans?orderId=${id}`), { timeoutMs: 60_000, intervalMs: 20 });
          toPlan.push(Date.now() - issued);
          if (qualityPlans) {
            await eventually(() => visible(`/quality/plans?orderId=${id}`), { timeoutMs: 60_000, intervalMs: 20 });
            toBoth.push(Date.now() - issued);
          }
        }
      }),
    );
    console.log(`orders: ${ORDERS} (concurrency ${CONCURRENCY})`);
    console.log(`issue returned -> production plan visible (ms): p50 ${percentile(toPlan, 50)}  p99 ${percentile(toPlan, 99)}  max ${Math.max(...toPlan)}`);
    if (toBoth.length > 0) console.log(`issue returned -> plan and inspection plan visible (ms): p50 ${percentile(toBoth, 50)}  p99 ${percentile(toBoth, 99)}  max ${Math.max(...toBoth)}`);
    else console.log('quality serves no /quality/plans here: the inspection plan is not timed');
  } finally {
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
