import { isDeepStrictEqual } from "node:util";
import type { FastifySerializerCompiler } from "fastify/types/schema";
import type { $ZodType } from "zod/v4/core";
import { safeEncode } from "zod/v4/core";

/**
 * How answers become JSON. Handlers return what the presenters built, typed against the response
 * schema, so in production they are stringified as they are. Everywhere else (tests, development)
 * each answer is first checked against its schema, and a field the schema does not name is an
 * error too: a presenter that leaks or misses a field fails the tests instead of reaching a client.
 */
export function responseSerializer(check: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    if (!check) return (data) => JSON.stringify(data);
    const zodSchema = schema as $ZodType;
    return (data) => {
      const result = safeEncode(zodSchema, data);
      if (result.error) {
        throw new Error(`The answer of ${method} ${url} does not match its schema: ${result.error.message}`);
      }
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(result.data)), JSON.parse(JSON.stringify(data)))) {
        throw new Error(`The answer of ${method} ${url} carries fields its schema does not name.`);
      }
      return JSON.stringify(data);
    };
  };
}
