import type { FastifyRouteSchemaDef } from 'fastify/types/schema';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * A response serializer for hot reads (decision 0015): the route's zod schema turned once into JSON schema
 * and compiled by fast-json-stringify (the serializer Fastify uses by default), instead of a zod encode and
 * JSON.stringify on every answer. Same output for data that matches the schema: only declared properties,
 * missing required ones are an error (500); unlike zod it does not check values against formats, patterns
 * or enums, so it is used only where the service builds the answer from typed rows (GET /api/members/:id).
 */
type JsonSchema = Record<string, unknown>;

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/** Keeps what shapes the output; `X | null` as a type list (an `anyOf` would be validated per value). */
export function forSerialization(schema: JsonSchema): JsonSchema {
  const { $schema: _s, format: _f, pattern: _p, enum: _e, ...rest } = schema;
  const anyOf = rest.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const other = anyOf.find((s) => s.type !== 'null');
    if (
      other &&
      anyOf.some((s) => s.type === 'null') &&
      typeof other.type === 'string' &&
      PRIMITIVES.has(other.type)
    )
      return { type: [other.type, 'null'] };
  }
  const out: JsonSchema = { ...rest };
  if (rest.properties)
    out.properties = Object.fromEntries(
      Object.entries(rest.properties as Record<string, JsonSchema>).map(([k, v]) => [k, forSerialization(v)]),
    );
  if (rest.items && typeof rest.items === 'object') out.items = forSerialization(rest.items as JsonSchema);
  if (anyOf) out.anyOf = anyOf.map(forSerialization);
  return out;
}

/** Route option `serializerCompiler`: each response schema of the route (zod) compiled once. */
export function fastSerializerCompiler<T>({ schema }: FastifyRouteSchemaDef<T>): (data: unknown) => string {
  const json = z.toJSONSchema(schema as unknown as z.ZodType, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  return fastJson(forSerialization(json as JsonSchema));
}
