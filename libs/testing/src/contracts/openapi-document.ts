import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { REPO_ROOT } from '../service-process';

/** An OpenAPI 3.0 document as the gateway publishes it at `/api/docs-json`. */
export type OpenApiDocument = OpenAPIV3.Document;

/** The checked-in snapshot of the public contract (`npm run contracts:openapi` writes it). */
export const OPENAPI_SNAPSHOT = join(REPO_ROOT, 'docs', 'api', 'openapi.json');

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Every operation of a document, in document order, with its name as reports use it: `GET /api/v1/orders`. */
export function operationsOf(doc: OpenApiDocument): { name: string; path: string; method: HttpMethod; operation: OpenAPIV3.OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ name: `${method.toUpperCase()} ${path}`, path, method, operation }] : [];
    }),
  );
}

/**
 * Validates a document as OpenAPI 3.0 with a maintained validator (`@readme/openapi-parser`: the official 3.0
 * JSON schema plus what the schema cannot say: unique operationIds, path parameters declared and required,
 * every `$ref` resolvable). The input is not touched.
 */
export async function validateOpenApiDocument(doc: unknown): Promise<{ valid: boolean; errors: string[]; warnings: string[] }> {
  const version = (doc as { openapi?: unknown } | null)?.openapi;
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) {
    return { valid: false, errors: [`not an OpenAPI 3.0 document: openapi is ${JSON.stringify(version)}`], warnings: [] };
  }
  const result = await validate(structuredClone(doc) as OpenAPIV3.Document);
  const warnings = result.warnings.map((w) => w.message);
  if (result.valid) return { valid: true, errors: [], warnings };
  const errors = result.errors.map((e) => e.message);
  if (result.additionalErrors > 0) errors.push(`...and ${result.additionalErrors} more`);
  return { valid: false, errors: errors.length > 0 ? errors : [compileErrors(result)], warnings };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys sorted at every level, so two equal documents are equal text and a diff shows only what changed. */
function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value as Json;
}

/**
 * The stable form of a published document, as the snapshot keeps it: keys sorted, `required` lists sorted (they are
 * sets), `servers` left out (they name the host it was fetched from), top-level tags sorted by name.
 */
export function normaliseOpenApi(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc) as OpenApiDocument & { servers?: unknown };
  delete copy.servers;
  if (copy.tags) copy.tags = [...copy.tags].sort((a, b) => a.name.localeCompare(b.name));
  const sortRequired = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(sortRequired);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'required' && Array.isArray(v) && v.every((x) => typeof x === 'string')) v.sort();
        else sortRequired(v);
      }
    }
  };
  sortRequired(copy.paths);
  sortRequired(copy.components);
  return sortKeys(copy) as unknown as OpenApiDocument;
}

/** The text the snapshot file holds for a document. */
export const snapshotText = (doc: OpenApiDocument): string => `${JSON.stringify(normaliseOpenApi(doc), null, 2)}\n`;

export function readOpenApiSnapshot(file = OPENAPI_SNAPSHOT): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

export function writeOpenApiSnapshot(doc: OpenApiDocument, file = OPENAPI_SNAPSHOT): void {
  writeFileSync(file, snapshotText(doc));
}

/** `paths["/api/v1/orders"].get.responses["200"]`: where a difference is, readable. */
function at(path: string[]): string {
  return path.map((p, i) => (/^[A-Za-z_$][\w$]*$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(p)}]`)).join('') || '(document)';
}

const brief = (value: unknown, max = 160): string => {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
};

/**
 * Every difference between two documents (normalised first), one line each: `+ where: value` added, `- where: value`
 * removed, `~ where: before -> after` changed. Empty when they are the same contract.
 */
export function documentDifferences(before: OpenApiDocument, after: OpenApiDocument): string[] {
  const lines: string[] = [];
  const walk = (a: unknown, b: unknown, path: string[]): void => {
    const objects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
    if (objects && !Array.isArray(a)) {
      const ao = a as Record<string, unknown>;
      const bo = b as Record<string, unknown>;
      for (const key of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
        if (!(key in bo)) lines.push(`- ${at([...path, key])}: ${brief(ao[key])}`);
        else if (!(key in ao)) lines.push(`+ ${at([...path, key])}: ${brief(bo[key])}`);
        else walk(ao[key], bo[key], [...path, key]);
      }
      return;
    }
    if (objects && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk(item, b[i], [...path, String(i)]));
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(`~ ${at(path)}: ${brief(a, 80)} -> ${brief(b, 80)}`);
  };
  walk(normaliseOpenApi(before), normaliseOpenApi(after), []);
  return lines;
}
