import { BadRequestException } from '@nestjs/common';
import { checkJsonValue, checkParameters, jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonBody, textProblem } from './input-guard';

/** The field a refusal names (the first of its `errors`). */
function refusedField(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    const body = (err as BadRequestException).getResponse() as { errors?: { field: string }[] };
    return body.errors?.[0]?.field ?? '(no field)';
  }
  throw new Error('not refused');
}

describe('input guard (issue 11 item 7)', () => {
  it('I11.7 finds NUL and lone surrogates in text, and nothing in ordinary or paired-surrogate text', () => {
    expect(textProblem('a\u0000b')).toContain('NUL');
    expect(textProblem('x\ud800')).toContain('lone surrogate');
    expect(textProblem('\udc00x')).toContain('lone surrogate');
    expect(textProblem('emoji 😀 and 中文')).toBeNull();
    expect(textProblem('')).toBeNull();
  });

  it('I11.7 a NUL or a lone surrogate anywhere in a JSON body is a 400 naming the field path', () => {
    expect(refusedField(() => parseJsonBody(JSON.stringify({ lines: [{ productName: 'a\u0000' }] })))).toBe('lines[0].productName');
    expect(refusedField(() => parseJsonBody('{"reason":"\\ud800"}'))).toBe('reason');
    expect(refusedField(() => parseJsonBody('{"a":{"b":["ok","\\u0000"]}}'))).toBe('a.b[1]');
    expect(refusedField(() => parseJsonBody('"\\u0000"'))).toBe('(body)');
    expect(refusedField(() => checkJsonValue({ ['k\u0000']: 1 }))).toBe('k\u0000');
  });

  it('I11.7 a body nested deeper than the limit is refused before it is parsed; strings with brackets do not count', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    expect(jsonDepthExceeds(deep, MAX_JSON_DEPTH)).toBe(true);
    expect(refusedField(() => parseJsonBody(deep))).toBe('(body)');
    expect(refusedField(() => parseJsonBody(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`))).toBe('(body)');
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', b: '\\"{{{{' }), 3)).toBe(false);
    expect(parseJsonBody(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeDefined();
  });

  it('I11.7 prototype keys are refused by name; ordinary bodies parse as JSON.parse does', () => {
    expect(refusedField(() => parseJsonBody('{"__proto__":{"admin":true}}'))).toBe('__proto__');
    expect(refusedField(() => parseJsonBody('{"a":{"constructor":{"prototype":{}}}}'))).toBe('a.constructor');
    const body = { channel: 'PHONE', lines: [{ productCode: 'P-100', quantity: 1 }], complex: false, n: null };
    expect(parseJsonBody(JSON.stringify(body))).toEqual(body);
  });

  it('I11.7 broken or empty JSON is a 400, not a 500', () => {
    expect(() => parseJsonBody('{')).toThrow(BadRequestException);
    expect(() => parseJsonBody('  ')).toThrow(BadRequestException);
  });

  it('I11.7 query and path parameters with NUL or lone surrogates are refused naming query.<name> / path.<name>', () => {
    expect(refusedField(() => checkParameters('query', { name: '\u0000' }))).toBe('query.name');
    expect(refusedField(() => checkParameters('query', { material: ['ok', 'x\ud800'] }))).toBe('query.material');
    expect(refusedField(() => checkParameters('path', { code: 'P\u0000' }))).toBe('path.code');
    expect(refusedField(() => checkParameters('path', { '*': 'products/\u0000' }))).toBe('path');
    expect(() => checkParameters('query', { name: 'Acme 中文', page: '2' })).not.toThrow();
    expect(() => checkParameters('query', undefined)).not.toThrow();
  });
});
