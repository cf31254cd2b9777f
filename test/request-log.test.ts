import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { signStillNeeded } from "../src/server/still-needed/links";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, goodPassword, signUp, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask } from "./support/tasks";

interface LogLine {
  level: number;
  msg?: string;
  req?: { url?: string };
  err?: { message?: string; stack?: string };
}

const levels = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** Stands for a secret the server never made: the log must not show it either. */
const someSecret = () => randomBytes(32).toString("base64url");

describe.each(dialects)("the request log on %s", (dialect) => {
  const written: string[] = [];
  const h = useHarness(dialect, {
    // The application's real logger (pino, through Fastify), writing to this test instead of stdout.
    logger: { level: "trace", stream: { write: (line: string) => written.push(line) } },
    routes: (app) => {
      // A fault on a secret address: its error names the address, as errors of libraries do.
      app.get("/invite/:token/fail", async (request) => {
        throw new Error(`could not render ${request.url}`);
      });
    },
  });
  beforeEach(() => {
    written.length = 0;
  });

  const logged = () => written.join("");
  const lines = (): LogLine[] => written.map((line) => JSON.parse(line) as LogLine);
  const loggedUrls = () => lines().flatMap((line) => (line.req?.url ? [line.req.url] : []));

  it("keeps an invitation's token out of the log: preview, accept, and the web page", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const invitation = await owner.client.post<{ token: string; url: string }>("/api/v1/invitations", {
      email: uniqueEmail(),
    });
    const { token } = invitation.body;
    const anonymous = new Client(h.app);
    expect((await anonymous.get(`/api/v1/invitations/${token}`)).status).toBe(200);
    expect((await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: "x" })).status).toBe(400);
    const accepted = await anonymous.post(`/api/v1/invitations/${token}/accept`, {
      name: "Nina New",
      password: goodPassword,
    });
    expect(accepted.status).toBe(201);
    expect((await anonymous.get(`/invite/${token}?from=mail`)).status).toBe(404);

    expect(logged()).not.toContain(token);
    expect(loggedUrls()).toEqual(
      expect.arrayContaining([
        "/api/v1/invitations/[redacted]",
        "/api/v1/invitations/[redacted]/accept",
        "/invite/[redacted]?from=mail",
      ]),
    );
  });

  it("keeps a still-needed link's token out of the log, opened and answered", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const task = await addTask(owner, owner.id, { title: "Old thing" });
    const expires = Math.floor(h.clock.now().getTime() / 1000) + 3600;
    const token = signStillNeeded(h.ctx.config.authSecret, {
      taskId: task.id,
      personId: owner.id,
      action: "keep",
      version: task.version,
      expires,
    });
    const anonymous = new Client(h.app);
    expect((await anonymous.get(`/still-needed/${token}`)).status).toBe(200);
    expect((await anonymous.post(`/still-needed/${token}`)).status).toBe(200);

    expect(logged()).not.toContain(token);
    expect(loggedUrls().filter((url) => url === "/still-needed/[redacted]")).toHaveLength(2);
  });

  it("keeps reset, verification, feed and sign-in-callback secrets out of the log", async () => {
    const secrets = Array.from({ length: 6 }, someSecret);
    const [reset, verify, feed, calendar, code, state] = secrets as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const anonymous = new Client(h.app);
    for (const path of [
      `/api/auth/reset-password/${reset}?callbackURL=%2Freset`,
      `/api/auth/verify-email?token=${verify}&callbackURL=%2F`,
      `/api/v1/feeds/${feed}.ics`,
      `/api/v1/people/someone/${calendar}.ics`,
      `/api/auth/callback/oidc?code=${code}&state=${state}`,
    ]) {
      const answer = await anonymous.get(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(300);
    }

    for (const secret of secrets) expect(logged()).not.toContain(secret);
    expect(loggedUrls()).toEqual(
      expect.arrayContaining([
        "/api/auth/reset-password/[redacted]?callbackURL=%2Freset",
        "/api/auth/verify-email?token=[redacted]&callbackURL=%2F",
        "/api/v1/feeds/[redacted]",
        "/api/v1/people/someone/[redacted].ics",
        "/api/auth/callback/oidc?code=[redacted]&state=[redacted]",
      ]),
    );
  });

  it("keeps the secret out of a fault's error line too", async () => {
    const token = someSecret();
    const answer = await new Client(h.app).get(`/invite/${token}/fail`);
    expect(answer.status).toBe(500);

    expect(logged()).not.toContain(token);
    const fault = lines().find((line) => line.level === levels.error);
    expect(fault?.err?.message).toBe("could not render /invite/[redacted]/fail");
    expect(fault?.err?.stack).toContain("could not render /invite/[redacted]/fail");
    expect(loggedUrls()).toContain("/invite/[redacted]/fail");
  });

  it("leaves addresses without secrets as they are", async () => {
    const ada = await signUp(h.app);
    expect((await ada.client.get(`/api/v1/people/${ada.id}/tasks?state=done&limit=5`)).status).toBe(404);
    expect(loggedUrls()).toContain(`/api/v1/people/${ada.id}/tasks?state=done&limit=5`);
  });

  it("logs better-auth's refusals below error level", async () => {
    const ada = await signUp(h.app);
    const anonymous = new Client(h.app);
    expect(
      (await anonymous.post("/api/auth/sign-in/email", { email: ada.email, password: "wrong one" })).status,
    ).toBe(401);
    expect(
      (await anonymous.post("/api/auth/sign-in/email", { email: uniqueEmail(), password: goodPassword }))
        .status,
    ).toBe(401);
    expect((await ada.client.post("/api/auth/update-user", { role: "owner" })).status).toBe(400);

    const fromAuth = lines().filter((line) => line.msg?.startsWith("better-auth"));
    expect(fromAuth.map((line) => [line.level, line.msg])).toEqual(
      expect.arrayContaining([
        [levels.info, "better-auth: Invalid password"],
        [levels.info, "better-auth: User not found"],
        [levels.debug, "better-auth refused: role cannot be set here"],
      ]),
    );
    expect(lines().filter((line) => line.level >= levels.warn)).toEqual([]);
  });
});
