import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import * as platform from '@opm/platform';
import { loadServiceConfig, recreateDatabase, typeOrmOptions } from '@opm/platform';
import { percentile } from './stats';

/**
 * Benchmark (prints figures, asserts nothing), issue 11: audited transactions per second of one service's
 * database, side by side with the same transactions without an audit entry, in one run. WRITERS concurrent
 * writers run business transactions (an insert and an update of a business row, like a status move) for
 * SECONDS each way, ROUNDS times in turn; the audited ones also append an entry of an order's size through the real `AuditLog`
 * (and, where the platform has it, with its `AuditSealer` running as in a service). Then the trail is filled
 * up to VERIFY_ENTRIES entries and the time `AuditLog.verify()` takes over all of them is printed. Needs PostgreSQL only
 * (BENCH_DATABASE_URL, a database it drops and recreates).
 */
const WRITERS = Number(process.env.WRITERS ?? 8);
const SECONDS = Number(process.env.SECONDS ?? 5);
/** Bare and audited alternate this many times (a shared machine's load drifts; both see the same drift). */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** The trail is filled up to this many entries before verification is timed. */
const VERIFY_ENTRIES = Number(process.env.VERIFY_ENTRIES ?? 20000);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/opm_bench_audit';

interface AuditLogLike {
  record(m: EntityManager, r: platform.AuditRecord): Promise<unknown>;
  verify(): Promise<{ ok: boolean; entries: number }>;
}
interface SealerLike {
  onApplicationBootstrap(): void;
  onApplicationShutdown(): Promise<void>;
  seal(): Promise<number>;
}
type Ctor<T> = new (...args: unknown[]) => T;

/** An order as its audit entries carry it (before and after): a header and three lines. */
function orderView(n: number, status: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    number: `SO-2026-${String(n).padStart(6, '0')}`,
    status,
    channel: 'PHONE',
    customerId: randomUUID(),
    contactPerson: 'Li Wei',
    orderDate: '2026-12-01',
    deliveryDate: '2027-04-30',
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: 'CNY',
    totalAmount: '1875.00',
    version: 2,
    lines: [1, 2, 3].map((i) => ({ lineNo: i, productCode: `P-10${i}`, productName: 'Custom bracket', specification: '304 steel, brushed', quantity: 50, unitPrice: '12.50', amount: '625.00' })),
  };
}

async function run(ds: DataSource, audit: AuditLogLike | null, latencies: number[]): Promise<void> {
  const deadline = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (Date.now() < deadline) {
        const i = (n += 1);
        const started = performance.now();
        await ds.transaction(async (m) => {
          const [{ id }] = await m.query(`INSERT INTO bench_order (status, body) VALUES ('RECEIVED', $1) RETURNING id`, [JSON.stringify(orderView(i, 'RECEIVED'))]);
          await m.query(`UPDATE bench_order SET status = 'UNDER_REVIEW', version = version + 1 WHERE id = $1`, [id]);
          if (audit) {
            await audit.record(m, { action: 'order.review-started', entityType: 'order', entityId: String(id), reason: 'bench', before: orderView(i, 'RECEIVED'), after: orderView(i, 'UNDER_REVIEW') });
          }
        });
        latencies.push(performance.now() - started);
      }
    }),
  );
}

const figures = (latencies: number[]) => ({ tps: latencies.length / (SECONDS * ROUNDS), p50: percentile(latencies, 50), p99: percentile(latencies, 99) });

/** Tops the trail up to `total` entries, 200 per transaction (only verification is timed here). */
async function fill(ds: DataSource, audit: AuditLogLike, total: number): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_entry`);
  for (let i = n; i < total; i += 200) {
    await ds.transaction(async (m) => {
      for (let j = i; j < Math.min(total, i + 200); j += 1) {
        await audit.record(m, { action: 'order.review-started', entityType: 'order', entityId: String(j), reason: 'bench', before: orderView(j, 'RECEIVED'), after: orderView(j, 'UNDER_REVIEW') });
      }
    });
  }
}

async function main(): Promise<void> {
  await recreateDatabase(DATABASE_URL);
  const config = loadServiceConfig('sales', { DATABASE_URL, NODE_ENV: 'test', LOG_LEVEL: 'warn' });
  const options = typeOrmOptions(config, [], []) as ConstructorParameters<typeof DataSource>[0];
  const ds = await new DataSource({ ...options, extra: { max: WRITERS + 4 } } as ConstructorParameters<typeof DataSource>[0]).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await ds.query(`CREATE TABLE bench_order (id bigserial PRIMARY KEY, status text NOT NULL, version int NOT NULL DEFAULT 1, body jsonb NOT NULL)`);
    // The same bench runs against the mechanism before issue 11 (no sealer) and after it.
    const exported = platform as unknown as Record<string, unknown>;
    const Sealer = exported.AuditSealer as Ctor<SealerLike> | undefined;
    const sealer = Sealer ? new Sealer(ds, config) : null;
    const audit = new (exported.AuditLog as Ctor<AuditLogLike>)(ds, config, sealer);
    const mechanism = sealer ? 'append + sealer after commit' : 'chain lock until commit';

    const bareLatencies: number[] = [];
    const auditedLatencies: number[] = [];
    let leftToSeal = 0;
    let sealMs = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      await run(ds, null, bareLatencies);
      sealer?.onApplicationBootstrap();
      await run(ds, audit, auditedLatencies);
      await sealer?.onApplicationShutdown();
      const sealStarted = performance.now();
      leftToSeal = Math.max(leftToSeal, (await sealer?.seal()) ?? 0);
      sealMs = Math.max(sealMs, performance.now() - sealStarted);
    }
    const bare = figures(bareLatencies);
    const audited = figures(auditedLatencies);

    console.log(`audit mechanism: ${mechanism}; ${WRITERS} writers, ${ROUNDS} x ${SECONDS} s each way, PostgreSQL ${(await ds.query('SHOW server_version'))[0].server_version}`);
    console.log(`  bare     (no audit): ${bare.tps.toFixed(0).padStart(6)} tx/s   p50 ${bare.p50.toFixed(1)} ms  p99 ${bare.p99.toFixed(1)} ms`);
    console.log(`  audited            : ${audited.tps.toFixed(0).padStart(6)} tx/s   p50 ${audited.p50.toFixed(1)} ms  p99 ${audited.p99.toFixed(1)} ms   (${((audited.tps / bare.tps) * 100).toFixed(0)}% of bare)`);
    if (sealer) console.log(`  left unsealed when the writers stopped: at most ${leftToSeal} entries, sealed in at most ${sealMs.toFixed(0)} ms`);
    await fill(ds, audit, VERIFY_ENTRIES);
    await sealer?.seal();
    const verifyStarted = performance.now();
    const verified = await audit.verify();
    console.log(`  verify: ${verified.entries} entries, ok ${verified.ok}, ${(performance.now() - verifyStarted).toFixed(0)} ms`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
