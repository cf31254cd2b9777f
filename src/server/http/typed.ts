import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** The Fastify instance with zod schemas as route types: use it to declare every route. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
