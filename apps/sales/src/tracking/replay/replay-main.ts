import { replayLedger } from './replay-ledger';

/*
 * npm run tracking:replay [-- --apply]: rebuilds the tracking ledger from the topics and compares it with sales'
 * table (README "Tracking ledger"). DATABASE_URL is sales' database, KAFKA_BROKERS the brokers;
 * LEDGER_REPLAY_TIMEOUT_MS bounds the read (default 120000). Exit code 0: no difference (or --apply wrote the
 * rebuilt ledger); 1: differences, printed one a line; 2: the replay could not run.
 */
async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (!databaseUrl || brokers.length === 0) {
    process.stderr.write('tracking:replay needs DATABASE_URL (sales) and KAFKA_BROKERS\n');
    return 2;
  }
  const apply = process.argv.includes('--apply');
  const result = await replayLedger({ databaseUrl, brokers, apply, timeoutMs: Number(process.env.LEDGER_REPLAY_TIMEOUT_MS ?? 120_000), log: (line) => process.stdout.write(`${line}\n`) });
  return result.differences.length === 0 || result.applied ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`tracking:replay failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
