import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { type EventDefinition, parseEvent } from '@opm/contracts';
import { LEDGER_SOURCES, ledgerEntryOf } from '../ledger/ledger-entry';
import { outboxSeqOf } from '../ledger/ledger-order';
import { type ComparableEntry, compareLedgers, describeDifference, type LedgerDifference, type ReadFact, rebuildLedger } from './ledger-replay';

export interface ReplayOptions {
  databaseUrl: string;
  brokers: string[];
  /** Write the rebuilt ledger in place of the recorded one (the orders the topics know). */
  apply: boolean;
  /** How long reading the topics up to their current ends may take. */
  timeoutMs: number;
  log: (line: string) => void;
}

export interface ReplayResult {
  messages: number;
  unreadable: number;
  orders: number;
  unknownOrders: number;
  differences: LedgerDifference[];
  applied: boolean;
}

const DEFINITIONS = new Map(LEDGER_SOURCES.map((s) => [s.definition.topic, s.definition as EventDefinition<unknown>]));

/**
 * Reads every ledger topic from its first offset up to its end as it was when the replay started, with a consumer
 * group of its own (deleted afterwards), so the services' groups and offsets are untouched.
 */
async function readTopics(options: ReplayOptions): Promise<{ read: ReadFact[]; readTo: Map<string, bigint>; messages: number; unreadable: number }> {
  const kafka = new Kafka({ clientId: 'sales-ledger-replay', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `sales-ledger-replay-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000, allowAutoTopicCreation: false });
  const read: ReadFact[] = [];
  const readTo = new Map<string, bigint>();
  const pending = new Set<string>();
  let messages = 0;
  let unreadable = 0;
  try {
    for (const topic of DEFINITIONS.keys()) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        readTo.set(`${topic}|${p.partition}`, BigInt(p.high));
        if (BigInt(p.high) > BigInt(p.low)) pending.add(`${topic}|${p.partition}`);
      }
    }
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    if (pending.size === 0) finished();
    await consumer.connect();
    await consumer.subscribe({ topics: [...DEFINITIONS.keys()], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const stream = `${topic}|${partition}`;
        const end = readTo.get(stream) ?? 0n;
        const offset = BigInt(message.offset);
        if (offset >= end) return;
        messages += 1;
        const definition = DEFINITIONS.get(topic) as EventDefinition<unknown>;
        let parsed: ReturnType<typeof parseEvent<unknown>> | null = null;
        try {
          parsed = parseEvent(definition, JSON.parse(message.value?.toString('utf8') ?? 'null'));
        } catch {
          parsed = null;
        }
        if (parsed?.ok && parsed.envelope.orderId) read.push({ fact: ledgerEntryOf(definition, parsed.envelope), topic, partition, offset: message.offset, publisherSeq: outboxSeqOf(message.headers) });
        else unreadable += 1;
        if (offset + 1n >= end && pending.delete(stream) && pending.size === 0) finished();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      done,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`topics not read to their ends in ${options.timeoutMs} ms: ${[...pending].join(', ')}`)), options.timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return { read, readTo, messages, unreadable };
}

interface EntryRow extends ComparableEntry {
  department: string;
  actor: string;
  data: unknown;
}

const SELECT_ENTRIES = `SELECT "eventId", "orderId", seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, department, actor, kind, summary, "refType", "refId", data, publisher, "publisherSeq"::text AS "publisherSeq", "causationId", topic, "partition", "offset"::text AS "offset" FROM sales_ledger_entry`;
const INSERT_ENTRY = (table: string) =>
  `INSERT INTO ${table} ("eventId", "orderId", seq, at, department, actor, kind, summary, "refType", "refId", data, publisher, "publisherSeq", "causationId", topic, "partition", "offset") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

/**
 * `npm run tracking:replay` (R6.2 "rebuilt from the topics if lost"): the ledger rebuilt from the topics into a
 * scratch table (a session's temporary copy of sales_ledger_entry) with the live consumer's entry function, compared
 * per order with the recorded one; `--apply` then writes the rebuilt entries in place, under each order's lock,
 * keeping after them what arrived while the replay ran. Orders on the topics that this database does not hold are
 * counted and skipped (a topic outlives a test database; an order is never deleted otherwise).
 */
export async function replayLedger(options: ReplayOptions): Promise<ReplayResult> {
  const { read, readTo, messages, unreadable } = await readTopics(options);
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const all = rebuildLedger(read);
    const known = new Set(((await db.query(`SELECT id FROM sales_order WHERE id = ANY($1)`, [[...all.keys()]])).rows as { id: string }[]).map((r) => r.id));
    const rebuilt = new Map([...all].filter(([orderId]) => known.has(orderId)));
    const facts = new Map(read.map((r) => [r.fact.eventId, r.fact]));
    await db.query(`CREATE TEMP TABLE ledger_replay (LIKE sales_ledger_entry INCLUDING DEFAULTS)`);
    for (const entry of [...rebuilt.values()].flat()) {
      const f = facts.get(entry.eventId);
      if (!f) continue;
      await db.query(INSERT_ENTRY('ledger_replay'), [f.eventId, f.orderId, entry.seq, f.at, f.department, f.actor, f.kind, f.summary, f.refType, f.refId, JSON.stringify(f.data), f.publisher, entry.publisherSeq, f.causationId, entry.topic, entry.partition, entry.offset]);
    }
    const recorded = (await db.query(SELECT_ENTRIES)).rows as EntryRow[];
    const differences = compareLedgers(recorded, rebuilt, readTo);
    for (const d of differences) options.log(describeDifference(d));
    options.log(
      `ledger replay: ${messages} messages read from ${DEFINITIONS.size} topics (${unreadable} unreadable), ${rebuilt.size} orders rebuilt (${all.size - rebuilt.size} on the topics but not in this database), ${recorded.length} entries recorded: ${differences.length} differences`,
    );
    let applied = false;
    if (options.apply && differences.length > 0) {
      await apply(db, [...rebuilt.keys()], readTo);
      applied = true;
      options.log(`ledger replay: rebuilt ledger written for ${rebuilt.size} orders`);
    }
    return { messages, unreadable, orders: rebuilt.size, unknownOrders: all.size - rebuilt.size, differences, applied };
  } finally {
    await db.end();
  }
}

/** The scratch table's entries in place of the recorded ones, order by order locked; later arrivals kept after them. */
async function apply(db: Client, orderIds: string[], readTo: Map<string, bigint>): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(`SELECT id FROM sales_order WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [orderIds]);
    const rebuiltIds = new Set(((await db.query(`SELECT "eventId" FROM ledger_replay`)).rows as { eventId: string }[]).map((r) => r.eventId));
    const later = ((await db.query(`${SELECT_ENTRIES} WHERE "orderId" = ANY($1) ORDER BY "orderId", seq`, [orderIds])).rows as EntryRow[]).filter(
      (e) => !rebuiltIds.has(e.eventId) && BigInt(e.offset) >= (readTo.get(`${e.topic}|${e.partition}`) ?? 0n),
    );
    await db.query(`DELETE FROM sales_ledger_entry WHERE "orderId" = ANY($1)`, [orderIds]);
    await db.query(`INSERT INTO sales_ledger_entry SELECT * FROM ledger_replay`);
    for (const e of later) {
      const [{ next }] = (await db.query(`SELECT coalesce(max(seq), 0) + 1 AS next FROM sales_ledger_entry WHERE "orderId" = $1`, [e.orderId])).rows as { next: number }[];
      await db.query(INSERT_ENTRY('sales_ledger_entry'), [e.eventId, e.orderId, next, e.at, e.department, e.actor, e.kind, e.summary, e.refType, e.refId, JSON.stringify(e.data), e.publisher, e.publisherSeq, e.causationId, e.topic, e.partition, e.offset]);
    }
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}
