import { join } from 'node:path';
import { SERVICES } from '@opm/contracts';
import { DEFAULT_PORTS } from '@opm/platform';
import { REPO_ROOT, ServiceProcess } from '@opm/testing';

/**
 * `npm start`: every service and the gateway as their own processes on this machine, logs under .local/logs.
 * Kafka and PostgreSQL come from the environment (KAFKA_BROKERS, <SERVICE>_DATABASE_URL) or the local defaults.
 */
async function main(): Promise<void> {
  const logDir = join(REPO_ROOT, '.local', 'logs');
  const env = (name: string): Record<string, string> => {
    const own = process.env[`${name.toUpperCase()}_DATABASE_URL`];
    return { NODE_ENV: process.env.NODE_ENV ?? 'development', ...(own ? { DATABASE_URL: own } : {}) };
  };
  const services = SERVICES.map((s) => new ServiceProcess(s, DEFAULT_PORTS[s], { ...env(s), PORT: String(DEFAULT_PORTS[s]) }, logDir));
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? DEFAULT_PORTS.gateway);
  const gateway = new ServiceProcess('gateway', gatewayPort, { ...env('gateway'), GATEWAY_PORT: String(gatewayPort) }, logDir);
  const all = [...services, gateway];
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stdout.write('\nstopping...\n');
      await Promise.all(all.map((p) => p.stop()));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    await Promise.all(services.map((s) => s.start(120_000)));
    await gateway.start();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await stop(1);
  }
  process.stdout.write(
    [
      '',
      `Order process platform is running (logs in ${logDir}).`,
      `  API:      http://localhost:${gatewayPort}/api/v1`,
      `  API docs: http://localhost:${gatewayPort}/api/docs`,
      ...services.map((s) => `  ${s.name.padEnd(10)} ${s.baseUrl}  (health: /health/ready)`),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

void main();
