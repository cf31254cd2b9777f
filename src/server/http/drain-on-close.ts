import type { FastifyInstance } from "fastify";

/**
 * While the server closes, answers still being written tell their clients to close the
 * connection: a kept-alive connection would otherwise hold the process open after the last
 * request in flight has finished.
 */
export function drainConnectionsOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
}
