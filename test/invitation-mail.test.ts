import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
function useSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        });
        callback();
      });
    },
  });
  const smtp = { received, url: "" };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return smtp;
}

describe.each(dialects)("invitation e-mail over SMTP on %s", (dialect) => {
  const smtp = useSmtpServer();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });

  it("e-mails the invitation link to the invitee, with text and HTML parts", async () => {
    const owner = await founder(h.app, "Mara Mailer");
    const email = uniqueEmail("invitee");
    const invitation = await owner.client.post<{ url: string }>("/api/v1/invitations", { email });
    expect(invitation.status).toBe(201);

    const mail = smtp.received.find((message) => message.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail?.data).toMatch(/Subject: Mara Mailer invited you to Mara Mailer's company on Docket/);
    expect(mail?.data).toMatch(/Content-Type: text\/plain/);
    expect(mail?.data).toMatch(/Content-Type: text\/html/);
    // Quoted-printable may fold the long link: unfold before looking for it.
    expect(mail?.data.replace(/=\r?\n/g, "")).toContain(invitation.body.url);
  });

  it("still gives the inviter the link when the mail server is unreachable", async () => {
    const owner = await founder(h.app, "Nora Nomail");
    const previous = h.ctx.mailer;
    const { createMailer } = await import("../src/server/mail/mailer");
    h.ctx.mailer = createMailer({
      smtpUrl: "smtp://127.0.0.1:1",
      outboxDir: h.dataDir,
      from: "x@docket.test",
    });
    try {
      const invitation = await owner.client.post<{ url: string }>("/api/v1/invitations", {
        email: uniqueEmail(),
      });
      expect(invitation.status).toBe(201);
      expect(invitation.body.url).toMatch(/\/invite\//);
    } finally {
      h.ctx.mailer.close();
      h.ctx.mailer = previous;
    }
  });
});
