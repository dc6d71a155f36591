import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = { [keyword: string]: unknown };

/**
 * Fastify's serializer compiler: a route's answers are written by fast-json-stringify, from
 * the JSON schema of the route's zod response schema, compiled once per route and status.
 * What the schema does not declare is left out, so a handler cannot leak a column by
 * returning a whole row. The handlers' return types are checked against the same schemas
 * at compile time (the zod type provider); validating each answer again with zod cost up to
 * a fifth of the server's time on lists and sheets (docs/decisions/0008).
 */
export function serializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error('a response schema must be a zod schema');
  return fastJson(responseJsonSchema(schema) as unknown as Parameters<typeof fastJson>[0]);
}

/**
 * Types JSON Schema cannot describe: `unrepresentable: 'any'` would make them `{}`, which
 * fast-json-stringify writes with JSON.stringify, whatever they hold (dates are described).
 */
const UNWRITABLE = new Set(['custom', 'transform', 'bigint', 'symbol', 'map', 'set', 'function', 'promise', 'nan']);

/** The JSON schema fast-json-stringify writes a zod schema's output by. */
function responseJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    override: (ctx) => {
      const type = ctx.zodSchema._zod.def.type;
      // What JSON.stringify writes of a Date, as the OpenAPI document says.
      if (type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      else if (UNWRITABLE.has(type)) throw new Error(`a response schema cannot hold a ${type}: it would be written whole, unchecked`);
    },
  });
  return forWriting(json as JsonSchema);
}

/**
 * Rewrites of zod's JSON schema for fast-json-stringify. A nullable object (anyOf the object
 * and null) becomes the object marked `nullable`: an anyOf is tried branch by branch with a
 * validator for each value. Undeclared properties are left out without
 * `additionalProperties: false`, which would make a union's branches refuse a value that
 * has any, where zod strips them. A property of any value (z.unknown) is not required, as in
 * zod, where it may be missing.
 */
function forWriting(schema: JsonSchema): JsonSchema {
  const rewritten: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword !== 'additionalProperties' || value !== false) rewritten[keyword] = rewriteChildren(keyword, value);
  }
  const properties = rewritten.properties as Record<string, JsonSchema> | undefined;
  if (properties && Array.isArray(rewritten.required)) {
    rewritten.required = rewritten.required.filter((name: string) => Object.keys(properties[name] ?? {}).length > 0);
  }
  const union = (rewritten.oneOf ?? rewritten.anyOf) as JsonSchema[] | undefined;
  const by = union && discriminator(union);
  if (union && by !== undefined) {
    const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = rewritten;
    return { ...rest, ...byDiscriminator(union, by) };
  }
  const branches = rewritten.anyOf as JsonSchema[] | undefined;
  if (branches?.length === 2 && branches[1]!.type === 'null' && Object.keys(branches[1]!).length === 1) {
    const { anyOf: _anyOf, ...rest } = rewritten;
    return { ...rest, ...branches[0], nullable: true };
  }
  return rewritten;
}

/** The property every branch of a union of objects gives a constant of its own (a discriminated union's), if any. */
function discriminator(branches: readonly JsonSchema[]): string | undefined {
  const first = branches[0]?.properties as Record<string, JsonSchema> | undefined;
  if (branches.length < 2 || !first) return undefined;
  return Object.keys(first).find((name) => {
    const values = branches.map((branch) => (branch.properties as Record<string, JsonSchema> | undefined)?.[name]?.const);
    return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
  });
}

/**
 * A discriminated union as if/then/else on its discriminator: fast-json-stringify then tests
 * only that property to choose the branch, where an anyOf validates the whole value against
 * each branch — and a Date fails a branch's date-time string, so no branch would match.
 */
function byDiscriminator(branches: readonly JsonSchema[], by: string): JsonSchema {
  const [branch, ...others] = branches;
  if (others.length === 0) return branch!;
  const value = (branch!.properties as Record<string, JsonSchema>)[by]!.const;
  return { if: { type: 'object', properties: { [by]: { const: value } }, required: [by] }, then: branch!, else: byDiscriminator(others, by) };
}

function rewriteChildren(keyword: string, value: unknown): unknown {
  if (keyword === 'properties') {
    return Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, forWriting(child)]));
  }
  if (keyword === 'items' || keyword === 'additionalProperties') return isSchema(value) ? forWriting(value) : value;
  if (keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'allOf') return (value as JsonSchema[]).map(forWriting);
  return value;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
