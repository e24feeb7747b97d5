import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import {
  compareWithSnapshot,
  contractFigures,
  OPENAPI_SNAPSHOT,
  type OpenApiDocument,
  readOpenApiSnapshot,
  REPO_ROOT,
  TestStack,
  validateOpenApiDocument,
  writeOpenApiSnapshot,
} from '@opm/testing';

/**
 * `npm run contracts:openapi` (issue 12): writes the public contract, `docs/api/openapi.json`, from the gateway's
 * merged document. With GATEWAY_URL it asks that gateway; otherwise it starts the stack as the e2e tests do (every
 * service as its own process on Kafka and PostgreSQL, TEST_* variables as there, first port CONTRACTS_BASE_PORT or
 * TEST_BASE_PORT or 3400: 3306 is often a MySQL server). The document must be valid OpenAPI 3.0; a change that can break clients is refused
 * unless `info.version` moved (CONTRACTS_ACCEPT_BREAKING=1 writes it anyway, for a deliberate reset).
 * The npm script then generates the client types from it (openapi-typescript).
 */
async function fetchDocument(): Promise<OpenApiDocument> {
  const given = process.env.GATEWAY_URL;
  if (given) return download(given);
  const stack = await TestStack.start({ basePort: Number(process.env.CONTRACTS_BASE_PORT ?? process.env.TEST_BASE_PORT ?? 3400) });
  try {
    return await download(stack.member('gateway').baseUrl);
  } finally {
    await stack.stop();
  }
}

async function download(gateway: string): Promise<OpenApiDocument> {
  const url = `${gateway.replace(/\/+$/, '')}/api/docs-json`;
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenApiDocument;
}

async function main(): Promise<void> {
  const doc = await fetchDocument();
  const validation = await validateOpenApiDocument(doc);
  if (!validation.valid) throw new Error(`the published document is not valid OpenAPI 3.0:\n${validation.errors.join('\n')}`);
  const file = relative(REPO_ROOT, OPENAPI_SNAPSHOT);
  if (existsSync(OPENAPI_SNAPSHOT)) {
    const comparison = compareWithSnapshot(readOpenApiSnapshot(), doc, 40);
    if (comparison.same) console.log(`${file}: unchanged`);
    else {
      console.log(comparison.summary);
      if (comparison.unannouncedBreak && process.env.CONTRACTS_ACCEPT_BREAKING !== '1') {
        throw new Error(`${file} not written: the changes above can break clients and info.version did not move (CONTRACTS_ACCEPT_BREAKING=1 writes it anyway)`);
      }
    }
  }
  writeOpenApiSnapshot(doc);
  const f = contractFigures(doc);
  console.log(
    `${file}: ${f.operations} operations; 2xx with a schema ${f.successSchemas}, without ${f.successWithoutSchema}; ` +
      `errors declared ${f.withErrors} (all problem details ${f.errorsAsProblemDetails}); bearer ${f.secured}, public ${f.public}, ` +
      `no security ${f.noSecurity}; ${f.components} component schemas`,
  );
  for (const w of validation.warnings) console.log(`warning: ${w}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
