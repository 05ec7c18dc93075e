import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialization from each route's zod response schema, compiled once per route into a
 * fast-json-stringify function: it writes only the properties the schema lists (the allow-list of
 * what leaves the server) and is several times faster than encoding through zod on every response.
 * A schema JSON Schema cannot express falls back to the zod serializer.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  try {
    return compileJsonSerializer(route.schema);
  } catch {
    return zodSerializerCompiler(route as never);
  }
};

/**
 * The same allow-list serializer for a service that caches JSON text (a cached page then costs no
 * serialization at all). Throws for a schema JSON Schema cannot express.
 */
export function compileJsonSerializer<T extends z.ZodType>(schema: T): (value: z.output<T>) => string {
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]) as (value: z.output<T>) => string;
}
