import { DEMO_USERS, SERVICES } from '@opm/contracts';
import { DEMO_PASSWORD, TestStack } from '@opm/testing';
import { runFuzz } from './fuzz-run';
import { describeRequest } from './report';

/**
 * `npm run fuzz` (issue 11, item 6): requests generated from the gateway's merged OpenAPI document, valid and
 * mutated, as every demo user. With FUZZ_TARGET (the gateway's base URL, e.g. http://127.0.0.1:3000) it fuzzes
 * that running stack, which must have DEMO_DATA on, DEMO_PASSWORD as given here and a RATE_LIMIT_PER_MINUTE
 * above the request rate; without it, it starts its own stack on 127.0.0.1 (every service as a process on the
 * Kafka of KAFKA_BROKERS and the PostgreSQL of TEST_DATABASE_URL_TEMPLATE, as the e2e tests do, from FUZZ_BASE_PORT).
 * Prints the requests sent per operation and every 5xx with its request; exits 1 on any 5xx or half-written create.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

async function main(): Promise<number> {
  const target = process.env.FUZZ_TARGET;
  const stack = target
    ? undefined
    : await TestStack.start({ basePort: Number(process.env.FUZZ_BASE_PORT ?? process.env.TEST_BASE_PORT ?? 3300), env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  try {
    await stack?.waitForDemoData();
    const gateway = target ?? stack?.member('gateway').baseUrl;
    if (!gateway) throw new Error('no gateway to fuzz');
    const result = await runFuzz({
      gateway,
      password: process.env.DEMO_PASSWORD ?? DEMO_PASSWORD,
      // FUZZ_USERS: a comma-separated subset of the demo users (all by default).
      users: process.env.FUZZ_USERS ? process.env.FUZZ_USERS.split(',').map((u) => u.trim()).filter(Boolean) : DEMO_USERS.map((u) => u.username),
      requests: REQUESTS,
      seconds: SECONDS,
      seed: SEED,
      services: SERVICES,
      log: (line) => console.log(line),
    });
    console.log(result.tally.table());
    console.log(`seed ${SEED}: ${result.tally.sent} requests in ${result.seconds.toFixed(1)} s over ${result.tally.operations} of ${result.operations} operations`);
    for (const e of result.serverErrors) console.log(`5xx ${e.status}: ${describeRequest(e.request)}\n    -> ${e.answer}`);
    for (const h of result.halfWritten) console.log(`half-written: ${describeRequest(h.request)} answered ${h.status}, ${h.list} total ${h.before} -> ${h.after}`);
    console.log(`5xx: ${result.serverErrors.length}, half-written: ${result.halfWritten.length}`);
    return result.serverErrors.length + result.halfWritten.length > 0 ? 1 : 0;
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(2);
  },
);
