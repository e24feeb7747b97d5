import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asyncApiDocument } from '@opm/contracts';
import { refusedEventChanges } from './event-breaking-changes';

/** Where the AsyncAPI document is checked in, from the repository root. */
export const ASYNCAPI_FILE = 'docs/api/asyncapi.json';

/** The file's content: asyncApiDocument() as indented JSON. */
export const asyncApiJson = (): string => `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;

/**
 * `npm run contracts:asyncapi` (npm runs it from the repository root): writes docs/api/asyncapi.json, unless the
 * change can break a consumer and ASYNCAPI_DOCUMENT_VERSION did not move (CONTRACTS_ACCEPT_BREAKING=1 writes anyway).
 */
function main(): void {
  const file = join(process.cwd(), ASYNCAPI_FILE);
  if (existsSync(file) && process.env.CONTRACTS_ACCEPT_BREAKING !== '1') {
    const refused = refusedEventChanges(JSON.parse(readFileSync(file, 'utf8')), asyncApiDocument());
    if (refused.length > 0) {
      process.stderr.write(
        `${refused.map((r) => `  ${r.where}: ${r.change}`).join('\n')}\n${ASYNCAPI_FILE} not written: these changes can break consumers; publish a new event version (topic .vN+1) or move ASYNCAPI_DOCUMENT_VERSION\n`,
      );
      process.exitCode = 1;
      return;
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, asyncApiJson());
  process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
}

if (require.main === module) main();
