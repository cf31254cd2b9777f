import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { Clock } from "../core/clock";
import { registerAuditRoutes } from "./audit/routes";
import { createAuth } from "./auth/better-auth";
import { guardResetRequests } from "./auth/reset-request-guard";
import { registerAuthRoutes } from "./auth/routes";
import { SignInLimiter } from "./auth/sign-in-limit";
import { registerCalendarRoutes } from "./calendar/routes";
import { registerCommentRoutes } from "./comments/routes";
import { type Config, proxyTrustOf } from "./config";
import type { AppContext } from "./context";
import type { DatabaseHandle } from "./db/connect";
import { registerDigestRoutes } from "./digests/routes";
import { LocalEventBus } from "./events/bus";
import { PostgresEventBus } from "./events/postgres-bus";
import { registerEventRoutes } from "./events/routes";
import { registerFeedbackRoutes } from "./feedback/routes";
import { registerGoalRoutes } from "./goals/routes";
import { registerHealthRoutes } from "./health/routes";
import { drainConnectionsOnClose } from "./http/drain-on-close";
import { registerJsonBodies } from "./http/json-body";
import { withRedaction } from "./http/log-redaction";
import { registerOpenApi } from "./http/openapi";
import { asAppError, handleError, sendProblem } from "./http/problem";
import { assertTrustedOrigin, identify, requireActor } from "./http/request-actor";
import { registerSecurityHeaders, setSecurityHeaders } from "./http/security-headers";
import { responseSerializer } from "./http/serializer";
import { registerWebApp } from "./http/web-app";
import { registerInboxRoutes } from "./inbox/routes";
import { registerInvitationRoutes } from "./invitations/routes";
import type { Mailer } from "./mail/mailer";
import { registerMeRoutes } from "./me/routes";
import { registerOneOnOneRoutes } from "./one-on-ones/routes";
import { registerOrganizationRoutes } from "./organizations/routes";
import { registerOutboxRoutes } from "./outbox/routes";
import { registerPeopleRoutes } from "./people/routes";
import { registerRecordRoutes } from "./record/routes";
import { registerRequestRoutes } from "./requests/routes";
import { registerStillNeededRoutes } from "./still-needed/routes";
import { registerTaskRoutes } from "./tasks/routes";
import { registerTokenRoutes } from "./tokens/routes";
import { registerWebhookRoutes } from "./webhooks/routes";
import { webhookSettings } from "./webhooks/settings";

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  logger?: FastifyServerOptions["logger"];
}

/** The largest request body accepted, in bytes; larger ones get 413. */
const bodyLimit = 256 * 1024;

/** Builds the whole HTTP application on the given database, clock and mailer. Nothing listens yet. */
export async function buildApp(deps: AppDependencies): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const app = Fastify({
    logger: withRedaction(deps.logger),
    bodyLimit,
    // The longest path parameter: a "still needed?" link's signed token is about 150 characters.
    routerOptions: { maxParamLength: 256 },
    trustProxy: proxyTrustOf(deps.config.trustProxy),
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // A malformed or overlong URL is refused by the router before any route runs: answer it as problem+json too.
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(request, reply, { https: deps.config.https });
      sendProblem(reply, asAppError(error));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(deps.config.checkResponses));
  app.setErrorHandler(handleError);
  // Bodies are JSON only: Fastify's built-in text/plain parser would hand the schemas a string (400, not 415).
  app.removeContentTypeParser("text/plain");
  registerJsonBodies(app);

  const { config, database, clock, mailer } = deps;
  const auth = createAuth({
    raw: database.raw,
    db: database.db,
    clock,
    dialect: database.dialect,
    baseUrl: config.baseUrl,
    https: config.https,
    secret: config.authSecret,
    trustedOrigins: config.trustedOrigins,
    log: app.log,
  });
  const events =
    database.dialect === "postgres"
      ? new PostgresEventBus(database.db, config.databaseUrl, app.log)
      : new LocalEventBus();
  app.addHook("onClose", () => events.close());
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    dialect: database.dialect,
    clock,
    auth,
    mailer,
    events,
    signInLimiter: new SignInLimiter(database.db, clock),
    log: app.log,
    webhooks: webhookSettings(config),
  };

  drainConnectionsOnClose(app);
  registerSecurityHeaders(app, { https: config.https });
  await registerOpenApi(app, config.baseUrl);
  registerHealthRoutes(app, ctx);
  guardResetRequests(app, ctx);
  registerAuthRoutes(app, ctx);
  await app.register(
    async (v1) => {
      v1.decorateRequest("actor", null);
      v1.decorateRequest("authMethod", null);
      v1.addHook("onRequest", async (request) => {
        await identify(ctx, request);
        if (!request.routeOptions.config.public) requireActor(request);
        assertTrustedOrigin(ctx, request);
      });
      registerMeRoutes(v1, ctx);
      registerOrganizationRoutes(v1, ctx);
      registerPeopleRoutes(v1, ctx);
      registerInvitationRoutes(v1, ctx);
      registerTokenRoutes(v1, ctx);
      registerCalendarRoutes(v1, ctx);
      registerTaskRoutes(v1, ctx);
      registerCommentRoutes(v1, ctx);
      registerRecordRoutes(v1, ctx);
      registerRequestRoutes(v1, ctx);
      registerGoalRoutes(v1, ctx);
      registerOneOnOneRoutes(v1, ctx);
      registerFeedbackRoutes(v1, ctx);
      registerEventRoutes(v1, ctx);
      registerInboxRoutes(v1, ctx);
      registerDigestRoutes(v1, ctx);
      registerOutboxRoutes(v1, ctx);
      registerAuditRoutes(v1, ctx);
      registerWebhookRoutes(v1, ctx);
    },
    { prefix: "/api/v1" },
  );
  registerStillNeededRoutes(app, ctx);
  await registerWebApp(app, config.webRoot);
  return { app, ctx };
}
