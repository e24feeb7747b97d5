import { join } from 'node:path';
import { DEPARTMENT_SERVICES, SERVICES, ServiceName } from '@opm/contracts';
import { DEMO_PASSWORD, REPO_ROOT } from '@opm/testing';
import { SuiteBroker } from './broker';
import { changedTables, judgePhase, KeyOutcome, PhaseRow, PhaseTiming, strayOrders, Violation } from './checks';
import { DatabaseProxy } from './db-proxy';
import { Fault, faultPlan, ordersPerPhase } from './fault-plan';
import { OrderClient } from './load';
import { Observer } from './observe';
import { loadFaultSettings } from './settings';
import { FaultStack } from './stack';
import { exitCode, formatTable } from './table';

/**
 * `npm run faults` (issue 11, item 5): the whole stack in Kafka mode on fresh databases and a broker of its own,
 * a load of orders through the gateway with client retries on the same keys, one fault injected per load phase
 * (kill -9 of each service and the gateway, Kafka killed, the databases cut off), then the checks: every order
 * once in every department, every round concluded, no dead letters, audit chains whole, and a replay of every
 * topic from offset 0 into new consumer groups that changes nothing. Prints the table; exits 1 on any loss,
 * duplicate or failed check, 2 when the run itself broke. Everything it starts, it stops.
 */
const settings = loadFaultSettings();
const runId = Date.now().toString(36);
const keyPrefix = `faults-${runId}-`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const direct = (service: ServiceName) => settings.databaseUrlTemplate.replace('{service}', service);
const proxyPort = settings.basePort + 1 + SERVICES.length;
const viaProxy = (service: ServiceName) => {
  const url = new URL(direct(service));
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  return url.toString();
};
const upstream = new URL(direct('sales'));

const broker = new SuiteBroker(settings.kafkaPort, settings.kafkaControllerPort, join(REPO_ROOT, '.local', 'faults', 'kafka'));
const proxy = new DatabaseProxy(proxyPort, { host: upstream.hostname, port: Number(upstream.port || 5432) });
const stack = new FaultStack({
  basePort: settings.basePort,
  brokers: broker.brokers,
  serviceDatabaseUrl: viaProxy,
  directDatabaseUrl: direct,
  groupPrefix: `faults-${runId}`,
  logDir: join(REPO_ROOT, '.local', 'faults', 'logs', runId),
  startTimeoutMs: settings.startTimeoutSeconds * 1000,
});
const observer = new Observer(direct, broker.brokers);
const deadline = new AbortController();

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && !deadline.signal.aborted) {
    if (await check().catch(() => false)) return Date.now();
    await sleep(500);
  }
  log(`${what}: not reached within ${Math.round(timeoutMs / 1000)} s`);
  return null;
}

async function inject(fault: Fault, timing: PhaseTiming): Promise<void> {
  timing.faultStartedAt = Date.now();
  log(`inject: ${fault.name} for ${fault.downSeconds} s`);
  switch (fault.kind) {
    case 'kill':
      await stack.kill(fault.target);
      await sleep(fault.downSeconds * 1000);
      timing.faultEndedAt = Date.now();
      await stack.restart(fault.target);
      break;
    case 'kafka':
      broker.kill();
      await observer.resetKafka();
      await sleep(fault.downSeconds * 1000);
      timing.faultEndedAt = Date.now();
      await broker.start(false);
      break;
    case 'database':
      proxy.cut();
      await sleep(fault.downSeconds * 1000);
      timing.faultEndedAt = Date.now();
      proxy.restore();
      break;
  }
  log(`recovered: ${fault.name} (restart took ${((Date.now() - (timing.faultEndedAt ?? Date.now())) / 1000).toFixed(1)} s)`);
}

/** Every order accepted in the phase is in every department with its review concluded, and no outbox holds anything. */
async function drained(ids: readonly string[]): Promise<boolean> {
  if ((await observer.outboxBacklog()) > 0) return false;
  const observed = await observer.orders(keyPrefix);
  return ids.every(
    (id) =>
      [...observed.departmentCopies.values()].every((copies) => copies.has(id)) &&
      (observed.rounds.get(id) ?? []).length > 0 &&
      (observed.rounds.get(id) ?? []).every((r) => r.concluded),
  );
}

async function token(username: string): Promise<string> {
  const res = await fetch(`${stack.api}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The audit chains, verified by every service through the gateway. */
async function auditProblems(): Promise<Violation[]> {
  const res = await fetch(`${stack.api}/audit/verify`, { headers: { authorization: `Bearer ${await token('leader')}` }, signal: AbortSignal.timeout(120_000) });
  if (res.status !== 200) return [{ fault: '-', problem: `GET /audit/verify answered ${res.status}` }];
  const body = (await res.json()) as { ok: boolean; services: { service: string; ok: boolean; entries?: number; firstBroken?: unknown; unavailable?: string }[] };
  log(`audit: ${body.services.map((s) => `${s.service} ${s.ok ? `ok (${s.entries} entries)` : 'BROKEN'}`).join(', ')}`);
  return body.services.filter((s) => !s.ok).map((s) => ({ fault: '-', problem: `audit chain of ${s.service} does not verify: ${JSON.stringify(s.firstBroken ?? s.unavailable)}` }));
}

/** Every topic read again from offset 0 by new consumer groups; the databases must come out as they went in. */
async function replayProblems(): Promise<Violation[]> {
  const before = await observer.digest();
  const oldGroups = SERVICES.map((s) => stack.groupOf(s));
  log('replay: restarting every service in a new consumer group (every topic from offset 0)');
  await stack.restartInNewGroups();
  const caughtUp = await until('replay caught up', settings.drainSeconds * 1000, async () => {
    const lags = await Promise.all(SERVICES.map((s, i) => observer.lagBehind(stack.groupOf(s), oldGroups[i])));
    return lags.every((l) => l === 0);
  });
  if (caughtUp === null) return [{ fault: 'replay', problem: 'the new consumer groups did not catch up' }];
  await until('outboxes empty after the replay', 30_000, async () => (await observer.outboxBacklog()) === 0);
  const after = await observer.digest();
  const changed = changedTables(before, after);
  log(`replay: ${before.size} tables compared, ${changed.length} changed`);
  return changed.map((t) => ({
    fault: 'replay',
    problem: `table ${t} changed by the replay: ${before.get(t)?.rows ?? 0} -> ${after.get(t)?.rows ?? 0} rows`,
  }));
}

async function main(): Promise<number> {
  const plan = faultPlan(settings);
  const perPhase = ordersPerPhase(settings.orders, plan.length);
  log(`run ${runId}: ${plan.length} faults, ${perPhase} orders each, ${settings.concurrency} at a time; logs in .local/faults/logs/${runId}`);
  await broker.start(true);
  await broker.waitForGroupCoordinator(settings.startTimeoutSeconds * 1000);
  await proxy.start();
  await stack.start();
  log(`stack up: gateway ${stack.api}, broker ${broker.brokers}, databases through 127.0.0.1:${proxyPort}`);
  if ((await until('demo data in the read copies', settings.startTimeoutSeconds * 1000, () => observer.demoDataArrived())) === null) throw new Error('demo data never arrived');

  const client = new OrderClient({
    api: stack.api,
    concurrency: settings.concurrency,
    requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
    giveUpMs: settings.giveUpSeconds * 1000,
    signal: deadline.signal,
  });
  await client.ready();

  const outcomes: KeyOutcome[] = [];
  const timings: PhaseTiming[] = [];
  for (const [phase, fault] of plan.entries()) {
    const timing: PhaseTiming = { faultStartedAt: null, faultEndedAt: null, drainedAt: null };
    timings.push(timing);
    const keys = Array.from({ length: perPhase }, (_, n) => `${keyPrefix}${phase}-${n}`);
    let trigger!: () => void;
    const triggered = new Promise<void>((resolve) => (trigger = resolve));
    const phaseOutcomes: KeyOutcome[] = [];
    const accepted = () => phaseOutcomes.flatMap((o) => o.answeredIds.slice(0, 1));
    // The fault's backlog: what was accepted until the faulty part was back; drained once all of it has gone through.
    const recovered = triggered
      .then(() => inject(fault, timing))
      .then(async () => {
        const backlog = accepted();
        timing.drainedAt = await until(`${fault.name}: backlog drained`, settings.drainSeconds * 1000, () => drained(backlog));
      });
    const started = Date.now();
    await client.sendMany(keys, phase, phaseOutcomes, (done) => {
      if (done >= Math.ceil(perPhase / 4)) trigger();
    });
    trigger();
    await recovered;
    outcomes.push(...phaseOutcomes);
    const ids = accepted();
    await until(`${fault.name}: every accepted order through`, settings.drainSeconds * 1000, () => drained(ids));
    log(
      `phase ${phase + 1}/${plan.length} ${fault.name}: ${ids.length}/${keys.length} accepted, ` +
        `${phaseOutcomes.reduce((n, o) => n + o.retries, 0)} retries, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (deadline.signal.aborted) break;
  }

  log('checks: orders, rounds, dead letters, audit');
  const observed = await observer.orders(keyPrefix);
  const judged = plan.slice(0, timings.length).map((fault, phase) => judgePhase(fault, phase, outcomes, observed, DEPARTMENT_SERVICES, timings[phase]));
  const rows: PhaseRow[] = judged.map((j) => j.row);
  const violations: Violation[] = [...judged.flatMap((j) => j.violations), ...strayOrders(outcomes, observed)];
  const other: Violation[] = [];
  for (const d of await observer.deadLetters()) other.push({ fault: '-', problem: `dead letter in ${d.service} (${d.consumer}, ${d.topic}): ${d.error.slice(0, 160)}` });
  for (const [topic, n] of await observer.deadLetterTopicMessages()) other.push({ fault: '-', problem: `${n} message(s) on ${topic}` });
  other.push(...(await auditProblems()));

  // The table first: the replay takes a while and a run stopped by its deadline still shows what it measured.
  console.log('\nFault table (issue 11):\n');
  console.log(formatTable(rows));
  console.log(`\n${settings.orders} orders asked, ${perPhase} per fault, concurrency ${settings.concurrency}; restart after ${settings.restartSeconds} s, Kafka down ${settings.kafkaDownSeconds} s, databases down ${settings.dbDownSeconds} s`);
  for (const v of [...violations, ...other].slice(0, 40)) console.log(`  [${v.fault}]${v.key ? ` ${v.key}:` : ''} ${v.problem}`);
  other.push(...(await replayProblems()));
  const all = [...violations, ...other];
  if (all.length > 0) {
    console.log(`\n${all.length} problem(s):`);
    for (const v of all.slice(0, 40)) console.log(`  [${v.fault}]${v.key ? ` ${v.key}:` : ''} ${v.problem}`);
    if (all.length > 40) console.log(`  ... and ${all.length - 40} more`);
  } else {
    console.log('\nno problems: nothing lost, nothing duplicated, every round concluded, no dead letters, audit whole, replay changed nothing');
  }
  return exitCode(rows, other.length);
}

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await observer.close().catch(() => undefined);
    await stack.stop().catch((err: Error) => console.error(`stopping the stack: ${err.message}`));
    await proxy.stop().catch(() => undefined);
    await broker.stop().catch((err: Error) => console.error(`stopping the broker: ${err.message}`));
  })();
  return cleaning;
}

const watchdog = setTimeout(() => {
  log(`deadline of ${settings.deadlineSeconds} s reached: stopping`);
  deadline.abort();
  // Whatever still hangs after a grace period: stop everything and leave.
  setTimeout(() => void cleanUp().finally(() => process.exit(2)), 120_000).unref();
}, settings.deadlineSeconds * 1000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(deadline.signal.aborted ? 2 : code);
  })
  .catch(async (err: Error) => {
    console.error(`fault suite broke: ${err.stack ?? err.message}`);
    await cleanUp();
    process.exit(2);
  });
