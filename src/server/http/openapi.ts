import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** The hash of the stylesheet inside swagger-ui's logo, which it draws as an inline `<style>`. */
const SWAGGER_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** The OpenAPI document, generated from the routes' zod schemas, at /api/openapi.json; readable docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, baseUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Docket API",
        version: "1",
        description:
          "One shared, strictly ordered plate of work between each person and their manager. " +
          "Authenticate with the session cookie from `/api/auth/sign-in/email` or `Authorization: Bearer <token>`. " +
          "Every error is `application/problem+json`.",
      },
      servers: [{ url: baseUrl }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "docket.session_token" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // The docs page serves its own assets: no framing, no outside fonts or styles, and no
    // https upgrade, which would break the page on a plain-http installation. Its one inline style
    // (in the Swagger logo) is allowed by its hash, no other.
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replaceAll(" https:", "")
        .replace(" upgrade-insecure-requests;", "")
        .replace("style-src 'self'", `style-src 'self' ${SWAGGER_LOGO_STYLE}`),
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
}
