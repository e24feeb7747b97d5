import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';
import { HTTP_METHODS, type HttpMethod, type OpenApiDocument } from './openapi-document';
import { toJsonSchemaDialect } from './openapi-schema';

/** One answer as the client received it. */
export interface ObservedResponse {
  method: string;
  /** The path template as the document spells it: `/api/v1/orders/{id}`. */
  path: string;
  status: number;
  /** The `content-type` header, if any. */
  contentType: string | null;
  /** The parsed JSON body, the text of any other body, or `undefined` when there was none. */
  body: unknown;
}

/** What the check of one answer found. */
export type ResponseCheck =
  | { outcome: 'checked'; operation: string; status: number; mediaType: string | null; bodyValidated: boolean }
  | { outcome: 'no-schema'; operation: string; status: number; reason: string };

/** An answer that the document does not describe: it names the operation, the status and every failing path. */
export class ContractViolation extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly problems: string[],
  ) {
    super(`${operation} answered ${status}, which its OpenAPI document does not describe:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContractViolation';
  }
}

export interface ResponseValidatorOptions {
  /**
   * An answer whose declared response has no schema (a 2xx documented only by a description, or a media type
   * without `schema`) cannot be checked: `report` records it (see `report()`), `fail` throws a ContractViolation.
   */
  undeclaredSchema?: 'report' | 'fail';
}

/** What the validator saw, per `METHOD /path status`. */
export interface ValidationReport {
  /** Answers checked against a declared schema (or declared without a body, and none came), with how many. */
  checked: Map<string, number>;
  /** Answers that could not be checked, with why. */
  uncheckable: Map<string, string>;
}

const DOC_ID = 'openapi.json';

/** `application/problem+json; charset=utf-8` -> `application/problem+json`. */
const mediaTypeOf = (contentType: string | null): string | null => contentType?.split(';')[0].trim().toLowerCase() || null;

const isJson = (mediaType: string | null): boolean => !!mediaType && (mediaType === 'application/json' || mediaType.endsWith('+json'));

/** Where a response's schema refers to `#/components/...`, it means the document's: point ajv there. */
function anchorRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anchorRefs);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : anchorRefs(v)]),
  );
}

/** Formats ajv-formats does not know are accepted as annotations; collected so a caller can see them. */
function formatsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => formatsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'format' && typeof v === 'string') into.add(v);
      else formatsIn(v, into);
    }
  }
  return into;
}

function describeError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(body)' : e.instancePath;
  if (e.keyword === 'additionalProperties') return `${where}: has ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}, which the schema does not declare`;
  if (e.keyword === 'required') return `${where}: lacks required ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
  if (e.keyword === 'enum') return `${where}: ${e.message} ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${where}: ${e.message ?? e.keyword}`;
}

/**
 * Checks answers against what their operation declares in an OpenAPI 3.0 document: the status (or its `2XX`
 * range, or `default`), the content type, and the body against the declared schema (`$ref`s resolved through the
 * document, OpenAPI's `nullable` honoured, formats checked by ajv-formats). An undeclared status, content type or
 * a body that does not match is a ContractViolation; a response declared without a schema is `no-schema`
 * (reported, or a violation with `undeclaredSchema: 'fail'`).
 */
export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly checkedCounts = new Map<string, number>();
  private readonly uncheckableReasons = new Map<string, string>();
  private readonly undeclaredSchema: 'report' | 'fail';
  /** Formats used by the document that are not checked (ajv-formats does not define them). */
  readonly unknownFormats: string[];

  constructor(
    readonly document: OpenApiDocument,
    options: ResponseValidatorOptions = {},
  ) {
    this.undeclaredSchema = options.undeclaredSchema ?? 'report';
    this.ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    addFormats(this.ajv);
    this.unknownFormats = [...formatsIn(document)].filter((f) => !this.ajv.formats[f]).sort();
    for (const f of this.unknownFormats) this.ajv.addFormat(f, true);
    this.ajv.addSchema(toJsonSchemaDialect(document) as object, DOC_ID);
  }

  /** The operation for a method and path template, if the document declares it. */
  operation(method: string, path: string): OpenAPIV3.OperationObject | undefined {
    const m = method.toLowerCase() as HttpMethod;
    if (!(HTTP_METHODS as readonly string[]).includes(m)) return undefined;
    return this.document.paths?.[path]?.[m];
  }

  /** Checks one answer: returns what was checked, or throws a ContractViolation naming the operation, status and paths. */
  check(answer: ObservedResponse): ResponseCheck {
    const operationName = `${answer.method.toUpperCase()} ${answer.path}`;
    const key = `${operationName} ${answer.status}`;
    const fail = (...problems: string[]): never => {
      throw new ContractViolation(operationName, answer.status, problems);
    };
    const op = this.operation(answer.method, answer.path);
    if (!op) return fail('the document declares no such operation');
    const statusKey = this.statusKey(op, answer.status);
    if (!statusKey) return fail(`status ${answer.status} is not declared (declared: ${Object.keys(op.responses ?? {}).join(', ') || 'none'})`);
    const declared = op.responses[statusKey] as OpenAPIV3.ResponseObject | OpenAPIV3.ReferenceObject;
    if ('$ref' in declared) return this.noSchema(key, operationName, answer.status, `the ${statusKey} response is a $ref (${declared.$ref}), which this validator does not follow`);
    const mediaType = mediaTypeOf(answer.contentType);
    const hasBody = answer.body !== undefined && answer.body !== '';
    const content = declared.content ?? {};
    if (Object.keys(content).length === 0) {
      if (!hasBody) return this.checked(key, operationName, answer.status, mediaType, false);
      return this.noSchema(key, operationName, answer.status, `the ${statusKey} response declares no content, but the answer has a ${mediaType ?? 'untyped'} body`);
    }
    const mediaKey = this.mediaKey(content, mediaType);
    if (!mediaKey) {
      return fail(`content type ${mediaType ?? '(none)'} is not declared for ${statusKey} (declared: ${Object.keys(content).join(', ')})`);
    }
    const schema = content[mediaKey].schema;
    if (!schema) return this.noSchema(key, operationName, answer.status, `the ${statusKey} ${mediaKey} response declares no schema`);
    if (!isJson(mediaType)) return this.checked(key, operationName, answer.status, mediaType, false);
    if (!hasBody) return fail(`the body is empty, but ${statusKey} ${mediaKey} declares one`);
    const validate = this.validatorFor(`${operationName} ${statusKey} ${mediaKey}`, schema);
    if (!validate(answer.body)) fail(...(validate.errors ?? []).map(describeError));
    return this.checked(key, operationName, answer.status, mediaType, true);
  }

  /** What has been checked so far, and what could not be. */
  report(): ValidationReport {
    return { checked: new Map(this.checkedCounts), uncheckable: new Map(this.uncheckableReasons) };
  }

  /** The report as lines for a test's output. */
  formatReport(): string {
    const { checked, uncheckable } = this.report();
    const lines = [`answers checked against their schema: ${checked.size} (operation and status)`];
    for (const [k, n] of [...checked].sort()) lines.push(`  ok  ${k}${n > 1 ? ` (x${n})` : ''}`);
    lines.push(`answers not checkable, no schema declared: ${uncheckable.size}`);
    for (const [k, why] of [...uncheckable].sort()) lines.push(`  ??  ${k}: ${why}`);
    return lines.join('\n');
  }

  private statusKey(op: OpenAPIV3.OperationObject, status: number): string | undefined {
    const responses = op.responses ?? {};
    const exact = String(status);
    const range = `${exact[0]}XX`;
    if (exact in responses) return exact;
    if (range in responses) return range;
    if (range.toLowerCase() in responses) return range.toLowerCase();
    return 'default' in responses ? 'default' : undefined;
  }

  private mediaKey(content: Record<string, OpenAPIV3.MediaTypeObject>, mediaType: string | null): string | undefined {
    if (!mediaType) return undefined;
    const keys = Object.keys(content);
    const lower = (k: string) => k.split(';')[0].trim().toLowerCase();
    return (
      keys.find((k) => lower(k) === mediaType) ??
      keys.find((k) => lower(k) === `${mediaType.split('/')[0]}/*`) ??
      keys.find((k) => lower(k) === '*/*')
    );
  }

  private validatorFor(key: string, schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(anchorRefs(toJsonSchemaDialect(schema)) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private checked(key: string, operation: string, status: number, mediaType: string | null, bodyValidated: boolean): ResponseCheck {
    this.checkedCounts.set(key, (this.checkedCounts.get(key) ?? 0) + 1);
    return { outcome: 'checked', operation, status, mediaType, bodyValidated };
  }

  private noSchema(key: string, operation: string, status: number, reason: string): ResponseCheck {
    if (this.undeclaredSchema === 'fail') throw new ContractViolation(operation, status, [`${reason} (a response without a schema cannot be checked)`]);
    this.uncheckableReasons.set(key, reason);
    return { outcome: 'no-schema', operation, status, reason };
  }
}
