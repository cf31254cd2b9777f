import { describe, expect, it } from "vitest";
import type { OutboxMessage } from "../src/contract/outbox";
import { deliverMail, retryDelayMs } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { founder, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";

describe.each(dialects)("invitation e-mail on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });

  const outbox = async (as: Awaited<ReturnType<typeof founder>>) => {
    const answer = await as.client.get<{ items: OutboxMessage[] }>("/api/v1/outbox");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items;
  };

  it("e-mails the invitation link to the invitee, with text and HTML parts", async () => {
    const owner = await founder(h.app, "Mara Mailer");
    const email = uniqueEmail("invitee");
    const invitation = await owner.client.post<{ url: string }>("/api/v1/invitations", { email });
    expect(invitation.status).toBe(201);

    const [mail, ...more] = smtp.to(email);
    expect(more).toEqual([]);
    expect(subjectOf(mail?.data ?? "")).toBe("Mara Mailer invited you to Mara Mailer's company on Docket");
    expect(mail?.data).toMatch(/Content-Type: text\/plain/);
    expect(mail?.data).toMatch(/Content-Type: text\/html/);
    expect(decoded(mail?.data ?? "")).toContain(invitation.body.url);
  });

  it("lists each invitation e-mail in the outbox as sent, without the link that would let a reader join", async () => {
    const owner = await founder(h.app, "Otto Outbox");
    const emails = [uniqueEmail("first"), uniqueEmail("second")];
    const tokens: string[] = [];
    for (const email of emails) {
      h.clock.advance(1000);
      const invitation = await owner.client.post<{ token: string }>("/api/v1/invitations", { email });
      expect(invitation.status).toBe(201);
      tokens.push(invitation.body.token);
    }

    const items = await outbox(owner);
    expect(items.map((item) => [item.kind, item.to, item.status, item.personId])).toEqual([
      ["invitation", emails[1], "sent", null],
      ["invitation", emails[0], "sent", null],
    ]);
    expect(items[0]?.subject).toBe("Otto Outbox invited you to Otto Outbox's company on Docket");
    expect(items[0]?.text).toContain("/invite/(link for the person invited only)");
    for (const token of tokens) expect(JSON.stringify(items)).not.toContain(token);
    // The message itself carries the link all the same.
    expect(decoded(smtp.to(emails[0] as string)[0]?.data ?? "")).toContain(tokens[0]);
  });

  it("keeps the e-mail queued while the mail server refuses it, and sends it once it is back", async () => {
    const owner = await founder(h.app, "Nora Nomail");
    const email = uniqueEmail("later");
    await smtp.stop();
    let url: string;
    try {
      const invitation = await owner.client.post<{ url: string }>("/api/v1/invitations", { email });
      // The inviter gets the link to pass on whatever the mail server says.
      expect(invitation.status).toBe(201);
      url = invitation.body.url;
      const [waiting] = await outbox(owner);
      expect(waiting).toMatchObject({ kind: "invitation", to: email, status: "pending", attempts: 1 });
      expect(waiting?.lastError).toBeTruthy();
    } finally {
      await smtp.start();
    }
    expect(smtp.to(email)).toEqual([]);

    h.clock.advance(retryDelayMs(1));
    expect((await deliverMail(h.ctx)).failed).toBe(0);
    const [sent] = await outbox(owner);
    expect(sent).toMatchObject({ kind: "invitation", to: email, status: "sent", attempts: 2 });
    expect(smtp.to(email)).toHaveLength(1);
    expect(decoded(smtp.to(email)[0]?.data ?? "")).toContain(url);
  });
});
