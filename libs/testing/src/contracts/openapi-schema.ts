/**
 * OpenAPI 3.0 schema objects are a dialect of JSON Schema draft 4/5; ajv 8 speaks draft-07. What differs, and
 * what the documents here use, is rewritten so ajv reads the schema as OpenAPI means it:
 * - `nullable: true` -> `anyOf: [the schema, {type: 'null'}]` (also on a `$ref` or an `enum`, where ajv's own
 *   `nullable` support refuses or rejects null);
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) -> the numeric form.
 * The input is not touched. Other OpenAPI keywords (`example`, `discriminator`, `xml`, `x-*`) are annotations and
 * ajv ignores them (it runs with `strict: false`).
 */
export function toJsonSchemaDialect(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchemaDialect);
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) {
    if (key === 'nullable' && typeof v === 'boolean') continue;
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof v === 'boolean') continue;
    out[key] = toJsonSchemaDialect(v);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (source[flag] === true && typeof source[bound] === 'number') {
      out[flag] = source[bound];
      delete out[bound];
    }
  }
  if (source.nullable === true) {
    // The annotations stay outside, so a report still shows what the schema describes.
    const { description, title, example, ...schema } = out;
    const nullable: Record<string, unknown> = { anyOf: [schema, { type: 'null' }] };
    if (description !== undefined) nullable.description = description;
    if (title !== undefined) nullable.title = title;
    if (example !== undefined) nullable.example = example;
    return nullable;
  }
  return out;
}
