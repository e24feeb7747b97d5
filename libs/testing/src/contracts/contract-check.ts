import type { OpenAPIV3 } from 'openapi-types';
import { type BreakingChange, breakingChanges } from './breaking-changes';
import { documentDifferences, type OpenApiDocument, operationsOf } from './openapi-document';

/** How the published document compares with the checked-in snapshot. */
export interface SnapshotComparison {
  /** The same contract: nothing to do. */
  same: boolean;
  differences: string[];
  breaking: BreakingChange[];
  /** `info.version` differs: breaking changes are announced. */
  versionMoved: boolean;
  /** Breaking changes while `info.version` stayed: never acceptable, not even by updating the snapshot. */
  unannouncedBreak: boolean;
  /** What differs and what of it breaks clients (empty when `same`). */
  summary: string;
  /** The summary and what to do about it: what to tell the person who changed the contract (empty when `same`). */
  message: string;
}

const UPDATE = 'Run `npm run contracts:openapi` (it writes docs/api/openapi.json and libs/testing/src/generated/openapi.ts) and commit both.';

/** Compares the snapshot (the contract as last agreed) with the live document. Pure. */
export function compareWithSnapshot(snapshot: OpenApiDocument, live: OpenApiDocument, maxLines = 80): SnapshotComparison {
  const differences = documentDifferences(snapshot, live);
  const breaking = breakingChanges(snapshot, live);
  const versionMoved = snapshot.info?.version !== live.info?.version;
  const unannouncedBreak = breaking.length > 0 && !versionMoved;
  if (differences.length === 0) return { same: true, differences, breaking, versionMoved, unannouncedBreak, summary: '', message: '' };
  const shown = differences.slice(0, maxLines);
  const more = differences.length > shown.length ? [`  ...and ${differences.length - shown.length} more`] : [];
  const lines = [`The published OpenAPI document differs from docs/api/openapi.json in ${differences.length} place(s):`, ...shown.map((d) => `  ${d}`), ...more];
  if (breaking.length > 0) {
    lines.push(
      '',
      `${breaking.length} of the changes can BREAK existing clients:`,
      ...breaking.map((b) => `  ${b.where}: ${b.change}`),
      versionMoved
        ? `info.version moved (${snapshot.info?.version} -> ${live.info?.version}): the break is announced.`
        : `info.version is still ${live.info?.version}: keep the old contract, or move the version (PUBLIC_API_VERSION in apps/gateway/src/docs/api-version.ts) to announce the break.`,
    );
  }
  const summary = lines.join('\n');
  const todo = unannouncedBreak ? `${UPDATE} It refuses a break while info.version stays (CONTRACTS_ACCEPT_BREAKING=1 overrides, for a deliberate reset).` : UPDATE;
  return { same: false, differences, breaking, versionMoved, unannouncedBreak, summary, message: `${summary}\n\n${todo}` };
}

/** What a document declares, counted per operation. */
export interface ContractFigures {
  operations: number;
  /** Operations whose every 2xx answer declares a schema (or is a 204 without body). */
  successSchemas: number;
  /** Operations with at least one 2xx answer declared without a schema. */
  successWithoutSchema: number;
  /** Operations that declare at least one 4xx/5xx answer. */
  withErrors: number;
  /** Operations whose every 4xx/5xx answer is problem details (application/problem+json with a schema). */
  errorsAsProblemDetails: number;
  /** Operations that declare bearer security / are marked public (`security: []`) / say nothing. */
  secured: number;
  public: number;
  noSecurity: number;
  components: number;
}

const hasSchema = (r: OpenAPIV3.ResponseObject | OpenAPIV3.ReferenceObject, status: string) =>
  '$ref' in r || (r.content ? Object.values(r.content).some((m) => !!m.schema) : status === '204');

export function contractFigures(doc: OpenApiDocument): ContractFigures {
  const figures: ContractFigures = {
    operations: 0,
    successSchemas: 0,
    successWithoutSchema: 0,
    withErrors: 0,
    errorsAsProblemDetails: 0,
    secured: 0,
    public: 0,
    noSecurity: 0,
    components: Object.keys(doc.components?.schemas ?? {}).length,
  };
  for (const { operation } of operationsOf(doc)) {
    figures.operations += 1;
    const responses = Object.entries(operation.responses ?? {});
    const successes = responses.filter(([s]) => /^2/.test(s));
    const errors = responses.filter(([s]) => /^[45]/.test(s));
    if (successes.length > 0 && successes.every(([s, r]) => hasSchema(r, s))) figures.successSchemas += 1;
    if (successes.some(([s, r]) => !hasSchema(r, s))) figures.successWithoutSchema += 1;
    if (errors.length > 0) figures.withErrors += 1;
    if (errors.length > 0 && errors.every(([, r]) => '$ref' in r || !!r.content?.['application/problem+json']?.schema)) figures.errorsAsProblemDetails += 1;
    if (operation.security === undefined) figures.noSecurity += 1;
    else if (operation.security.length === 0) figures.public += 1;
    else figures.secured += 1;
  }
  return figures;
}
