import { SERVICES, ServiceName } from '@opm/contracts';
import { recreateDatabase } from '@opm/platform';
import { DEMO_PASSWORD, ServiceProcess } from '@opm/testing';
import type { KilledProcess } from './fault-plan';

export interface FaultStackOptions {
  basePort: number;
  brokers: string;
  /** The services' database URL, `{service}` replaced: through the suite's proxy. */
  serviceDatabaseUrl: (service: ServiceName) => string;
  /** The same databases, reached directly (created and read by the suite). */
  directDatabaseUrl: (service: ServiceName) => string;
  groupPrefix: string;
  logDir: string;
  startTimeoutMs: number;
}

/**
 * Every service as its own OS process on Kafka and fresh databases, behind the gateway, like the e2e stack but
 * with what the suite needs: a kill -9 and restart of any member, and a restart of the consumers in new groups.
 */
export class FaultStack {
  readonly members = new Map<KilledProcess, ServiceProcess>();
  private groupGeneration = 'a';

  constructor(private readonly options: FaultStackOptions) {}

  portOf(name: KilledProcess): number {
    return name === 'gateway' ? this.options.basePort : this.options.basePort + 1 + SERVICES.indexOf(name);
  }

  get api(): string {
    return `http://127.0.0.1:${this.options.basePort}/api/v1`;
  }

  /** The consumer group a service consumes in now (Nest appends `-server`). */
  groupOf(service: ServiceName): string {
    return `${this.options.groupPrefix}-${this.groupGeneration}-${service}-server`;
  }

  private serviceProcess(service: ServiceName): ServiceProcess {
    return new ServiceProcess(
      service,
      this.portOf(service),
      {
        PORT: String(this.portOf(service)),
        HOST: '127.0.0.1',
        DATABASE_URL: this.options.serviceDatabaseUrl(service),
        KAFKA_BROKERS: this.options.brokers,
        KAFKA_GROUP_ID: `${this.options.groupPrefix}-${this.groupGeneration}-${service}`,
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'true',
        REVIEW_AUTO_CONFIRM: 'true',
      },
      this.options.logDir,
    );
  }

  async start(): Promise<void> {
    await Promise.all(SERVICES.map((s) => recreateDatabase(this.options.directDatabaseUrl(s))));
    for (const s of SERVICES) this.members.set(s, this.serviceProcess(s));
    const upstreams = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${this.portOf(s)}`]));
    this.members.set(
      'gateway',
      new ServiceProcess(
        'gateway',
        this.options.basePort,
        {
          GATEWAY_PORT: String(this.options.basePort),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DEMO_DATA: 'true',
          DEMO_PASSWORD,
          RATE_LIMIT_PER_MINUTE: '1000000',
          ...upstreams,
        },
        this.options.logDir,
      ),
    );
    await Promise.all(SERVICES.map((s) => this.member(s).start(this.options.startTimeoutMs)));
    await this.member('gateway').start(this.options.startTimeoutMs);
  }

  member(name: KilledProcess): ServiceProcess {
    const m = this.members.get(name);
    if (!m) throw new Error(`${name} is not started`);
    return m;
  }

  /** SIGKILL: no shutdown hook runs, open transactions and unanswered requests die with the process. */
  async kill(name: KilledProcess): Promise<void> {
    const m = this.member(name);
    const pid = m.pid;
    if (!pid || !m.running) throw new Error(`${name} is not running`);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && m.running; i += 1) await new Promise((r) => setTimeout(r, 50));
  }

  /** Starts a killed member again, with the settings it had; resolves once it is ready. */
  async restart(name: KilledProcess): Promise<void> {
    await this.member(name).start(this.options.startTimeoutMs);
  }

  /**
   * Stops every service cleanly and starts it again in a new consumer group: Kafka hands the new groups every
   * topic from offset 0 (the consumers subscribe from the beginning), so each event is delivered a second time.
   */
  async restartInNewGroups(): Promise<void> {
    await Promise.all(SERVICES.map((s) => this.member(s).stop()));
    this.groupGeneration = 'replay';
    for (const s of SERVICES) this.members.set(s, this.serviceProcess(s));
    await Promise.all(SERVICES.map((s) => this.member(s).start(this.options.startTimeoutMs)));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => m.stop()));
  }
}
