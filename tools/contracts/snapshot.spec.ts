import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OPENAPI_SNAPSHOT, readOpenApiSnapshot, REPO_ROOT, snapshotText, validateOpenApiDocument } from '@opm/testing';

const GENERATED = join(REPO_ROOT, 'libs', 'testing', 'src', 'generated', 'openapi.ts');

/** The checked-in contract (`npm run contracts:openapi` writes both files); the e2e contract test holds it to the live document. */
describe('docs/api/openapi.json', () => {
  it('N1 is valid OpenAPI 3.0 and in the stable form the tool writes', async () => {
    const snapshot = readOpenApiSnapshot();
    const validation = await validateOpenApiDocument(snapshot);
    expect(validation.errors).toEqual([]);
    expect(readFileSync(OPENAPI_SNAPSHOT, 'utf8')).toBe(snapshotText(snapshot));
  });

  it('the generated client types are in step with it (openapi-typescript --check)', async () => {
    const cli = join(REPO_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    const outcome = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [cli, relative(REPO_ROOT, OPENAPI_SNAPSHOT), '--output', relative(REPO_ROOT, GENERATED), '--check'], { cwd: REPO_ROOT, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      ),
    );
    expect({ ...outcome, hint: outcome.code === 0 ? '' : 'run `npm run contracts:types` and commit the result' }).toMatchObject({ code: 0, hint: '' });
  });
});
