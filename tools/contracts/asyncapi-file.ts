import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asyncApiDocument } from '@opm/contracts';

/** Where the AsyncAPI document is checked in, from the repository root. */
export const ASYNCAPI_FILE = 'docs/api/asyncapi.json';

/** The file's content: asyncApiDocument() as indented JSON. */
export const asyncApiJson = (): string => `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;

/** `npm run contracts:asyncapi` (npm runs it from the repository root): writes docs/api/asyncapi.json. */
function main(): void {
  const file = join(process.cwd(), ASYNCAPI_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, asyncApiJson());
  process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
}

if (require.main === module) main();
