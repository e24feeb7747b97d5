import { Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DEPARTMENT_SERVICES, SERVICES, ServiceName } from '@opm/contracts';
import type { ObservedOrders, TableDigest } from './checks';

/** The suite's own read connections, straight to PostgreSQL (not through the proxy it cuts). */
export class Observer {
  private readonly clients = new Map<ServiceName, Client>();
  private admin?: Admin;

  constructor(
    private readonly databaseUrl: (service: ServiceName) => string,
    private readonly brokers: string,
  ) {}

  private async db(service: ServiceName): Promise<Client> {
    let client = this.clients.get(service);
    if (!client) {
      client = new Client({ connectionString: this.databaseUrl(service) });
      await client.connect();
      this.clients.set(service, client);
    }
    return client;
  }

  async query<T>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    return (await (await this.db(service)).query(sql, params)).rows as T[];
  }

  /** Demo master data reached the read copies (customers' credit and the catalog), so orders can be reviewed. */
  async demoDataArrived(): Promise<boolean> {
    const [credit] = await this.query<{ n: number }>('sales', 'SELECT count(*)::int AS n FROM sales_customer_credit WHERE "creditLimit" IS NOT NULL');
    const catalogs = await Promise.all(
      (
        [
          ['sales', 'sales_catalog_product'],
          ['finance', 'finance_catalog_product'],
          ['purchasing', 'purchasing_catalog_product'],
        ] as const
      ).map(async ([s, table]) => (await this.query<{ n: number }>(s, `SELECT count(*)::int AS n FROM ${table}`))[0].n),
    );
    return credit.n >= 1 && catalogs.every((n) => n >= 1);
  }

  /** The orders this run created (their contact person carries the key), department copies and review rounds. */
  async orders(keyPrefix: string): Promise<ObservedOrders> {
    const sales = await this.query<{ key: string; id: string }>('sales', `SELECT "contactPerson" AS key, id FROM sales_order WHERE "contactPerson" LIKE $1 ORDER BY "createdAt"`, [
      `${keyPrefix}%`,
    ]);
    const salesByKey = new Map<string, string[]>();
    for (const { key, id } of sales) salesByKey.set(key, [...(salesByKey.get(key) ?? []), id]);
    const departmentCopies = new Map<string, Map<string, number>>();
    for (const d of DEPARTMENT_SERVICES) {
      const rows = await this.query<{ orderId: string; n: number }>(d, `SELECT "orderId", count(*)::int AS n FROM received_order GROUP BY "orderId"`);
      departmentCopies.set(d, new Map(rows.map((r) => [r.orderId, r.n])));
    }
    const roundRows = await this.query<{ orderId: string; round: number; status: string; concluded: boolean }>(
      'sales',
      `SELECT "orderId", round, status, "concludedAt" IS NOT NULL AS concluded FROM sales_review_round ORDER BY "orderId", round`,
    );
    const rounds = new Map<string, { round: number; status: string; concluded: boolean }[]>();
    for (const r of roundRows) rounds.set(r.orderId, [...(rounds.get(r.orderId) ?? []), { round: r.round, status: r.status, concluded: r.concluded }]);
    return { salesByKey, departmentCopies, rounds };
  }

  /** Events written but not yet sent, over every service. */
  async outboxBacklog(): Promise<number> {
    const counts = await Promise.all(SERVICES.map(async (s) => (await this.query<{ n: number }>(s, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL'))[0].n));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Dead letters recorded by each service (its `dead_letter` table), with their errors. */
  async deadLetters(): Promise<{ service: ServiceName; consumer: string; topic: string; error: string }[]> {
    const all = await Promise.all(
      SERVICES.map(async (service) =>
        (await this.query<{ consumer: string; topic: string; error: string }>(service, 'SELECT consumer, topic, error FROM dead_letter ORDER BY id')).map((r) => ({ service, ...r })),
      ),
    );
    return all.flat();
  }

  /** Row count and checksum of every table of every service (the migrations' own bookkeeping aside). */
  async digest(): Promise<TableDigest> {
    const digest = new Map<string, { rows: number; checksum: string }>();
    for (const s of SERVICES) {
      const tables = await this.query<{ name: string }>(
        s,
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
      );
      for (const { name } of tables) {
        const [row] = await this.query<{ rows: number; checksum: string }>(
          s,
          `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum FROM "${name}" t`,
        );
        digest.set(`${s}.${name}`, row);
      }
    }
    return digest;
  }

  private async kafka(): Promise<Admin> {
    if (!this.admin) {
      const admin = new Kafka({ clientId: 'faults-observer', brokers: this.brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 } }).admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** Messages on every dead-letter topic (`*.dlq`) of the suite's broker. */
  async deadLetterTopicMessages(): Promise<Map<string, number>> {
    const admin = await this.kafka();
    const topics = (await admin.listTopics()).filter((t) => t.endsWith('.dlq'));
    const counts = new Map<string, number>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const n = offsets.reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0);
      if (n > 0) counts.set(topic, n);
    }
    return counts;
  }

  /**
   * How many messages `group` has still to consume on the topics `reference` (the group it replays) consumed:
   * 0 once it has caught up with everything the first groups saw.
   */
  async lagBehind(group: string, reference: string): Promise<number> {
    const admin = await this.kafka();
    const consumed = (await admin.fetchOffsets({ groupId: reference })).filter((t) => t.partitions.some((p) => Number(p.offset) >= 0));
    let lag = 0;
    for (const { topic } of consumed) {
      const [high, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: group, topics: [topic] })]);
      for (const p of high) {
        const mine = Number(committed[0]?.partitions.find((c) => c.partition === p.partition)?.offset ?? -1);
        lag += Math.max(0, Number(p.high) - Math.max(mine, Number(p.low)));
      }
    }
    return lag;
  }

  /** Forgets the broker connection (after the broker was killed). */
  async resetKafka(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  async close(): Promise<void> {
    await this.resetKafka();
    await Promise.all([...this.clients.values()].map((c) => c.end().catch(() => undefined)));
    this.clients.clear();
  }
}
