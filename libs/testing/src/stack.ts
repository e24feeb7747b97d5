import { Client } from 'pg';
import { DEMO_CUSTOMERS, SERVICES, ServiceName } from '@opm/contracts';
import { recreateDatabase } from '@opm/platform';
import { skipPastEarlierStacks } from './consumer-positions';
import { eventually } from './eventually';
import { ServiceProcess } from './service-process';

export type StackMember = ServiceName | 'gateway';

export interface StackOptions {
  /** Which services to run; the gateway is always started last. */
  services?: readonly ServiceName[];
  gateway?: boolean;
  /** First port; the gateway takes it, the services the ones after. */
  basePort?: number;
  env?: Record<string, string>;
  /** Variables for one member only, after `env` (a test hook for sales, say). */
  memberEnv?: Partial<Record<StackMember, Record<string, string>>>;
}

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-for-tests';
export const TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? 'localhost:9092';
/** The consumer group a service of a test stack consumes in (Nest appends `-server`). */
export const testGroupId = (service: string): string => `${process.env.TEST_GROUP_PREFIX ?? 'e2e'}-${service}-server`;
export const testDatabaseUrl = (service: string): string =>
  (process.env.TEST_DATABASE_URL_TEMPLATE ?? 'postgres://postgres@127.0.0.1:5432/opm_e2e_{service}').replace('{service}', service);

/**
 * The system for an e2e test: every service as its own process, each on a fresh database of its own, on the
 * real Kafka and PostgreSQL, behind the gateway.
 */
export class TestStack {
  readonly members = new Map<StackMember, ServiceProcess>();
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly options: Required<Omit<StackOptions, 'env' | 'memberEnv'>> & Pick<StackOptions, 'memberEnv'> & { env: Record<string, string> },
  ) {}

  static async start(options: StackOptions = {}): Promise<TestStack> {
    const stack = new TestStack({
      services: options.services ?? SERVICES,
      gateway: options.gateway ?? true,
      basePort: options.basePort ?? Number(process.env.TEST_BASE_PORT ?? 3100),
      env: options.env ?? {},
      memberEnv: options.memberEnv,
    });
    await stack.boot();
    return stack;
  }

  private async boot(): Promise<void> {
    const { services, basePort, env, memberEnv } = this.options;
    await Promise.all(services.map((s) => recreateDatabase(testDatabaseUrl(s))));
    const groupOf = (service: string) => String(env.KAFKA_GROUP_ID ?? memberEnv?.[service as StackMember]?.KAFKA_GROUP_ID ?? `${process.env.TEST_GROUP_PREFIX ?? 'e2e'}-${service}`);
    // Nest's Kafka server appends `-server` to the group id.
    await skipPastEarlierStacks(TEST_KAFKA_BROKERS.split(','), services.map((s) => `${groupOf(s)}-server`));
    SERVICES.forEach((service, i) => {
      if (!services.includes(service)) return;
      this.members.set(
        service,
        new ServiceProcess(service, basePort + 1 + i, {
          PORT: String(basePort + 1 + i),
          DATABASE_URL: testDatabaseUrl(service),
          KAFKA_BROKERS: TEST_KAFKA_BROKERS,
          KAFKA_GROUP_ID: `${process.env.TEST_GROUP_PREFIX ?? 'e2e'}-${service}`,
          LOG_LEVEL: 'info',
          DEMO_DATA: 'true',
          ...env,
          ...memberEnv?.[service],
        }),
      );
    });
    if (this.options.gateway) {
      const upstreams = Object.fromEntries(SERVICES.map((s, i) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${basePort + 1 + i}`]));
      this.members.set(
        'gateway',
        new ServiceProcess('gateway', basePort, {
          GATEWAY_PORT: String(basePort),
          LOG_LEVEL: 'info',
          DEMO_DATA: 'true',
          DEMO_PASSWORD,
          ...upstreams,
          ...env,
          ...memberEnv?.gateway,
        }),
      );
    }
    try {
      // TEST_READY_TIMEOUT_MS: how long a process may take to answer ready (a loaded shared machine needs more).
      const readyTimeoutMs = Number(process.env.TEST_READY_TIMEOUT_MS ?? 60_000);
      await Promise.all(services.map((s) => this.member(s).start(readyTimeoutMs)));
      if (this.options.gateway) await this.member('gateway').start(readyTimeoutMs);
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  member(name: StackMember): ServiceProcess {
    const member = this.members.get(name);
    if (!member) throw new Error(`${name} is not part of this stack`);
    return member;
  }

  /** A bearer token for one of the demo users (API.md), from the gateway's token endpoint. */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await fetch(`${this.api}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  /** `Authorization` header value for a demo user. */
  async bearer(username: string): Promise<string> {
    return `Bearer ${await this.token(username)}`;
  }

  /**
   * Waits until the demo master data has reached the read copies through Kafka: every demo customer's credit
   * standing (sales, from finance) and the catalog (sales, finance, purchasing, from production). Order tests
   * that depend on the preliminary review or the department assessments start from there.
   */
  async waitForDemoData(timeoutMs = 60_000): Promise<void> {
    // Each read copy, in the database of the service that keeps it, with how many rows mean "all there".
    const copies: { service: ServiceName; sql: string; atLeast: number }[] = [
      { service: 'sales', sql: 'SELECT count(*)::int AS n FROM sales_customer_credit WHERE "creditLimit" IS NOT NULL', atLeast: DEMO_CUSTOMERS.length },
      { service: 'sales', sql: 'SELECT count(*)::int AS n FROM sales_catalog_product', atLeast: 4 },
      { service: 'finance', sql: 'SELECT count(*)::int AS n FROM finance_catalog_product', atLeast: 4 },
      { service: 'purchasing', sql: 'SELECT count(*)::int AS n FROM purchasing_catalog_product', atLeast: 4 },
    ];
    const wanted = copies.filter((c) => this.members.has(c.service));
    const clients = new Map<ServiceName, Client>();
    try {
      for (const c of wanted) {
        if (!clients.has(c.service)) {
          const client = new Client({ connectionString: testDatabaseUrl(c.service) });
          await client.connect();
          clients.set(c.service, client);
        }
      }
      await eventually(
        async () => {
          for (const c of wanted) {
            const client = clients.get(c.service);
            if (!client) throw new Error(`no connection to ${c.service}`);
            const { rows } = await client.query(c.sql);
            if (rows[0].n < c.atLeast) throw new Error(`demo data not in ${c.service} yet: ${c.sql} gave ${rows[0].n}`);
          }
        },
        { timeoutMs },
      );
    } finally {
      await Promise.all([...clients.values()].map((c) => c.end()));
    }
  }

  /** Base URL of the public API. */
  get api(): string {
    return `${this.member('gateway').baseUrl}/api/v1`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => m.stop()));
  }
}
