import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from '@opm/contracts';
import { ASYNCAPI_FILE, asyncApiJson } from './asyncapi-file';
import { refusedEventChanges } from './event-breaking-changes';

describe(ASYNCAPI_FILE, () => {
  it('is what asyncApiDocument() makes of the contracts', () => {
    const checkedIn = readFileSync(join(__dirname, '..', '..', ASYNCAPI_FILE), 'utf8');
    const verdict = checkedIn === asyncApiJson() ? 'up to date' : `out of date: run \`npm run contracts:asyncapi\` and commit ${ASYNCAPI_FILE}`;
    expect(verdict).toBe('up to date');
  });

  it('N2 differs from the previous version only in ways no consumer notices, unless its version moved', () => {
    const checkedIn = JSON.parse(readFileSync(join(__dirname, '..', '..', ASYNCAPI_FILE), 'utf8'));
    expect(refusedEventChanges(checkedIn, asyncApiDocument())).toEqual([]);
  });
});
