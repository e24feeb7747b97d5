import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_FILE, asyncApiJson } from './asyncapi-file';

describe(ASYNCAPI_FILE, () => {
  it('is what asyncApiDocument() makes of the contracts', () => {
    const checkedIn = readFileSync(join(__dirname, '..', '..', ASYNCAPI_FILE), 'utf8');
    const verdict = checkedIn === asyncApiJson() ? 'up to date' : `out of date: run \`npm run contracts:asyncapi\` and commit ${ASYNCAPI_FILE}`;
    expect(verdict).toBe('up to date');
  });
});
