import { SERVICES, ServiceName } from '@opm/contracts';
import { recreateDatabase } from '@opm/platform';
import { ServiceProcess } from './service-process';

export type StackMember = ServiceName | 'gateway';

export interface StackOptions {
  /** Which services to run; the gateway is always started last. */
  services?: readonly ServiceName[];
  gateway?: boolean;
  /** First port; the gateway takes it, the services the ones after. */
  basePort?: number;
  env?: Record<string, string>;
}

export const TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? 'localhost:9092';
export const testDatabaseUrl = (service: string): string =>
  (process.env.TEST_DATABASE_URL_TEMPLATE ?? 'postgres://postgres@127.0.0.1:5432/opm_e2e_{service}').replace('{service}', service);

/**
 * The system for an e2e test: every service as its own process, each on a fresh database of its own, on the
 * real Kafka and PostgreSQL, behind the gateway.
 */
export class TestStack {
  readonly members = new Map<StackMember, ServiceProcess>();

  private constructor(private readonly options: Required<Omit<StackOptions, 'env'>> & { env: Record<string, string> }) {}

  static async start(options: StackOptions = {}): Promise<TestStack> {
    const stack = new TestStack({
      services: options.services ?? SERVICES,
      gateway: options.gateway ?? true,
      basePort: options.basePort ?? Number(process.env.TEST_BASE_PORT ?? 3100),
      env: options.env ?? {},
    });
    await stack.boot();
    return stack;
  }

  private async boot(): Promise<void> {
    const { services, basePort, env } = this.options;
    await Promise.all(services.map((s) => recreateDatabase(testDatabaseUrl(s))));
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
          ...env,
        }),
      );
    });
    if (this.options.gateway) {
      const upstreams = Object.fromEntries(SERVICES.map((s, i) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${basePort + 1 + i}`]));
      this.members.set('gateway', new ServiceProcess('gateway', basePort, { GATEWAY_PORT: String(basePort), LOG_LEVEL: 'info', ...upstreams, ...env }));
    }
    try {
      await Promise.all(services.map((s) => this.member(s).start()));
      if (this.options.gateway) await this.member('gateway').start();
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

  /** Base URL of the public API. */
  get api(): string {
    return `${this.member('gateway').baseUrl}/api/v1`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => m.stop()));
  }
}
