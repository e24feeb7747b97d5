import { BadRequestException } from '@nestjs/common';

/**
 * The one input-sanitising layer (issue 11): every JSON body, query parameter and path parameter of every
 * service and the gateway passes through here before any handler, pipe or query sees it. Text that no
 * database column can take (NUL) or that is not valid Unicode (a lone surrogate), JSON nested deeper than any
 * operation needs, and keys that reach an object's prototype are refused with a 400 naming the field.
 */

/** Deeper than any document of the API (an order is 3 levels); deep enough for what clients add. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Keys JSON.parse makes own properties, but that spread, assign or a lookup table would take as the prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a piece of text, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it contains a lone surrogate)';
  return null;
}

/** A 400 problem naming one field (`lines[0].productName`, `query.name`, `path.code`). */
export function fieldProblem(field: string, message: string): BadRequestException {
  return new BadRequestException({ detail: `Invalid request: ${field} ${message}`, errors: [{ field, message }] });
}

const child = (parent: string, key: string | number): string => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * The depth of the deepest array or object in JSON text (strings skipped), stopping as soon as it passes
 * `limit`, so a hostile body costs one linear scan and never reaches a recursive parser or validator.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** Refuses the first bad string or key inside a parsed JSON value, naming where it is. */
export function checkJsonValue(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw fieldProblem(path || '(body)', problem);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkJsonValue(v, child(path, i)));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    const field = child(path, key);
    if (PROTOTYPE_KEYS.has(key)) throw fieldProblem(field, 'is not an accepted field name');
    const problem = textProblem(key);
    if (problem) throw fieldProblem(field, `(the field name) ${problem}`);
    checkJsonValue((value as Record<string, unknown>)[key], field);
  }
}

/** Parses a JSON request body under the house rules: bounded depth, no NUL, no lone surrogates, no prototype keys. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (text.trim() === '') throw fieldProblem('(body)', 'is empty; send a JSON document or no content type');
  if (jsonDepthExceeds(text, maxDepth)) throw fieldProblem('(body)', `must not nest arrays and objects more than ${maxDepth} deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BadRequestException({ detail: `the body is not valid JSON: ${(err as Error).message}` });
  }
  checkJsonValue(value);
  return value;
}

/** Refuses a bad query or path parameter (each value, each array element), naming it `query.<name>` or `path.<name>`. */
export function checkParameters(where: 'query' | 'path', params: unknown): void {
  if (params === null || typeof params !== 'object') return;
  for (const [name, value] of Object.entries(params)) {
    // A wildcard route (the gateway's proxy) names the rest of the path `*`.
    const field = where === 'path' && name === '*' ? 'path' : `${where}.${name}`;
    const nameProblem = textProblem(name);
    if (nameProblem) throw fieldProblem(field, `(the parameter name) ${nameProblem}`);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      const problem = textProblem(v);
      if (problem) throw fieldProblem(field, problem);
    }
  }
}
