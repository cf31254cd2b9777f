import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "@playwright/test";

/** A message as the server wrote it to its outbox folder, quoted-printable undone. */
function decoded(data: string): string {
  const bytes = data
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

async function messagesTo(address: string): Promise<string[]> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the tests through playwright.config.ts");
  const outbox = join(dataDir, "outbox");
  const files = await readdir(outbox).catch(() => [] as string[]);
  const messages = await Promise.all(
    files.filter((file) => file.endsWith(".eml")).map((file) => readFile(join(outbox, file), "utf8")),
  );
  return messages.map(decoded).filter((message) => new RegExp(`^To: ${address}$`, "m").test(message));
}

/**
 * The link to `page` (e.g. "reset-password") in the mail the server sent `address`, waiting for the
 * server's mail job to send it (it runs every few seconds).
 */
export async function mailedLink(address: string, page: string): Promise<string> {
  const pattern = new RegExp(`^(https?://\\S+/${page}#token=\\S+)$`, "m");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        for (const message of await messagesTo(address)) link = pattern.exec(message)?.[1] ?? link;
        return link;
      },
      { message: `a mail to ${address} with a link to /${page}`, timeout: 20_000 },
    )
    .toBeDefined();
  return link ?? "";
}
