import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { privateFileMode, privateFolderMode } from "../platform/private-files";

export interface MailMessage {
  /** Stable across retries: the Message-ID and the outbox file name, so a resend is recognisably the same message. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Hands the message to SMTP, or writes it to the outbox folder when no SMTP server is configured. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** How many messages go to the SMTP server at once, over that many pooled connections. */
export const smtpConnections = 8;

export function createMailer(options: { smtpUrl: string | null; outboxDir: string; from: string }): Mailer {
  const envelope = (message: MailMessage) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${message.id}@docket>`,
  });
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: smtpConnections,
      maxMessages: Number.POSITIVE_INFINITY,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      async send(message) {
        await transport.sendMail(envelope(message));
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail(envelope(message));
      // The messages carry live links: only Docket's user may read them.
      await mkdir(options.outboxDir, { recursive: true, mode: privateFolderMode });
      await writeFile(join(options.outboxDir, `${message.id}.eml`), info.message as Buffer, {
        mode: privateFileMode,
      });
    },
    close: () => transport.close(),
  };
}
