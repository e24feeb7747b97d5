import { SERVICES } from '@opm/contracts';
import { ensureDatabase } from '@opm/platform';

/**
 * Creates each service's database when missing. The URL of each comes from `<SERVICE>_DATABASE_URL`, else
 * from DATABASE_URL_TEMPLATE (`{service}` replaced), else the local default.
 */
export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own) return own;
  const template = env.DATABASE_URL_TEMPLATE ?? 'postgres://postgres@127.0.0.1:5432/opm_{service}';
  return template.replace('{service}', service);
}

async function main(): Promise<void> {
  for (const service of SERVICES) {
    const url = databaseUrlFor(service);
    await ensureDatabase(url);
    process.stdout.write(`database ready: ${new URL(url).pathname.slice(1)}\n`);
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`prepare-databases: ${err.message}\n`);
    process.exit(1);
  });
}
