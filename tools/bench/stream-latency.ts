import Fastify from 'fastify';
import { Client } from 'pg';
import { DEMO_CUSTOMERS } from '@opm/contracts';
import { orderBody, TestStack } from '@opm/testing';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing), issue 15: the time from an order's fact being committed (its
 * `POST /orders` answered at the gateway: sales has committed the order and its outbox row) to the order's row arriving
 * on the live monitoring stream `GET /api/v1/monitoring/stream` at the gateway (outbox relay -> Kafka -> sales'
 * monitoring consumer -> change log + NOTIFY -> SSE -> gateway proxy), with orders offered at RATE per second (default
 * 50) for SECONDS (default 10, at most 60). Beside it, in the same run, the bare baseline of that last hop: a Fastify
 * SSE endpoint fed by PostgreSQL LISTEN, a writer committing one row + NOTIFY per fact at the same rate, no framework.
 * Starts its own stack on 127.0.0.1 with demo data; needs Kafka and PostgreSQL. Stops by itself.
 */
const RATE = Math.min(200, Math.max(1, Number(process.env.RATE ?? 50)));
const SECONDS = Math.min(60, Math.max(1, Number(process.env.SECONDS ?? 10)));
const DATABASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Reads an SSE response, calling `onEvent` for each `event:`/`data:` block; resolves when aborted. */
async function readEvents(url: string, onEvent: (event: string, data: string) => void, signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal });
  if (res.status !== 200 || !res.body) throw new Error(`GET ${url.replace(/access_token=[^&]+/, 'access_token=***')}: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length) onEvent(event, data.join('\n'));
      }
    }
  } catch (err) {
    if (!signal.aborted) throw err;
  }
}

/**
 * Calls `send(i)` RATE times a second for SECONDS, without waiting for one to finish before the next is due. A send
 * that fails is counted, not thrown: the figures are printed with the errors, and nothing is left rejecting after the
 * run (an unhandled rejection would end the process before the stack it started is stopped).
 */
async function offer(send: (i: number) => Promise<void>): Promise<{ errors: number; firstError: string | null; seconds: number }> {
  const total = RATE * SECONDS;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  let firstError: string | null = null;
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i).catch((err: Error) => {
        errors += 1;
        firstError ??= err.message;
      }),
    );
  }
  await Promise.all(inFlight);
  return { errors, firstError, seconds: (performance.now() - started) / 1000 };
}

const waitFor = async (done: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
};

const summary = (label: string, run: Run, expected: number) =>
  `${label}: p50 ${percentile(run.latencies, 50).toFixed(0)} ms  p99 ${percentile(run.latencies, 99).toFixed(0)} ms  max ${Math.max(0, ...run.latencies).toFixed(0)} ms  ` +
  `(${run.latencies.length}/${expected} seen, offered over ${run.seconds.toFixed(1)} s, ${run.errors} errors${run.firstError ? `: first ${run.firstError.slice(0, 200)}` : ''})`;

interface Run {
  latencies: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
}

async function system(): Promise<Run> {
  const stack = await TestStack.start({ basePort: Number(process.env.BENCH_BASE_PORT ?? 3200), env: { RATE_LIMIT_PER_MINUTE: '1000000', UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000' } });
  const abort = new AbortController();
  try {
    const gateway = new URL(stack.member('gateway').baseUrl);
    if (gateway.hostname !== '127.0.0.1') throw new Error(`the benchmark talks to 127.0.0.1 only, not ${gateway.hostname}`);
    await stack.waitForDemoData();
    const bearer = await stack.bearer('sales.staff');
    const seen = new Map<string, number>();
    const stream = readEvents(`${gateway.origin}/api/v1/monitoring/stream?access_token=${encodeURIComponent(bearer.replace(/^Bearer /, ''))}`, (event, data) => {
      if (event !== 'order') return;
      const { orderId } = JSON.parse(data) as { orderId: string };
      if (!seen.has(orderId)) seen.set(orderId, performance.now());
    }, abort.signal);
    const committed = new Map<string, number>();
    // Spread over the demo customers: every order of one customer queues on that customer's row (its credit).
    const run = await offer(async (i) => {
      const body = orderBody({ customerId: DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length].id });
      const res = await fetch(`${gateway.origin}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: bearer }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`POST /orders answered ${res.status}: ${await res.text()}`);
      const at = performance.now();
      committed.set(((await res.json()) as { id: string }).id, at);
    });
    await waitFor(() => [...committed.keys()].every((id) => seen.has(id)), 120_000);
    abort.abort();
    await stream;
    return { ...run, latencies: [...committed].filter(([id]) => seen.has(id)).map(([id, at]) => Math.max(0, (seen.get(id) as number) - at)) };
  } finally {
    abort.abort();
    await stack.stop();
  }
}

async function baseline(): Promise<Run> {
  const listener = new Client({ connectionString: DATABASE });
  const writer = new Client({ connectionString: DATABASE });
  await listener.connect();
  await writer.connect();
  const app = Fastify();
  const clients = new Set<(data: string) => void>();
  app.get('/stream', (req, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (data: string) => reply.raw.write(`event: order\ndata: ${data}\n\n`);
    clients.add(send);
    req.raw.on('close', () => clients.delete(send));
  });
  listener.on('notification', (n) => clients.forEach((send) => send(n.payload ?? '')));
  await listener.query('LISTEN bench_stream');
  await writer.query('CREATE TEMP TABLE bench_fact (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const abort = new AbortController();
  const seen = new Map<number, number>();
  try {
    const stream = readEvents(`${address}/stream`, (_event, data) => seen.set(Number(JSON.parse(data).orderId), performance.now()), abort.signal);
    await new Promise((r) => setTimeout(r, 200));
    const committed = new Map<number, number>();
    // One writer connection, as one service's pool would serialise nothing more than this.
    let queue = Promise.resolve();
    const run = await offer(async (i) => {
      queue = queue.then(async () => {
        await writer.query('BEGIN');
        await writer.query('INSERT INTO bench_fact (id) VALUES ($1)', [i]);
        await writer.query('SELECT pg_notify($1, $2)', ['bench_stream', JSON.stringify({ orderId: String(i) })]);
        await writer.query('COMMIT');
        committed.set(i, performance.now());
      });
      await queue;
    });
    await waitFor(() => [...committed.keys()].every((id) => seen.has(id)), 30_000);
    abort.abort();
    await stream;
    return { ...run, latencies: [...committed].filter(([id]) => seen.has(id)).map(([id, at]) => Math.max(0, (seen.get(id) as number) - at)) };
  } finally {
    abort.abort();
    await app.close();
    await listener.end();
    await writer.end();
  }
}

async function main(): Promise<void> {
  const expected = RATE * SECONDS;
  const bare = await baseline();
  const measured = await system();
  console.log(`offered: ${RATE} orders/s for ${SECONDS} s (${expected} orders)`);
  console.log(summary('POST /orders answered -> its row on /api/v1/monitoring/stream at the gateway', measured, expected));
  console.log(summary('baseline: commit + NOTIFY -> bare Fastify SSE (LISTEN), same rate           ', bare, expected));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
