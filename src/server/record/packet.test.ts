import { describe, expect, it } from "vitest";
import { packetFilename, renderPacket } from "./packet";
import { packetInput } from "./packet-fixtures";

const person = (name: string) => ({ name, title: null, email: "someone@example.com" });

describe("renderPacket", () => {
  it("answers Markdown as text with its type and a file name", async () => {
    const packet = await renderPacket("md", packetInput());
    expect(packet.contentType).toBe("text/markdown; charset=utf-8");
    expect(packet.filename).toBe("record-ada-lovelace-2025-03-01-to-2026-02-28.md");
    expect(packet.body).toMatch(/^# Review packet: Ada Lovelace\n/);
  });

  it("answers CSV as text with a byte order mark", async () => {
    const packet = await renderPacket("csv", packetInput());
    expect(packet.contentType).toBe("text/csv; charset=utf-8");
    expect(packet.filename).toBe("record-ada-lovelace-2025-03-01-to-2026-02-28.csv");
    expect(typeof packet.body === "string" && packet.body.startsWith("\uFEFFMonth,")).toBe(true);
  });

  it("answers a PDF as bytes", async () => {
    const packet = await renderPacket("pdf", packetInput());
    expect(packet.contentType).toBe("application/pdf");
    expect(packet.filename).toBe("record-ada-lovelace-2025-03-01-to-2026-02-28.pdf");
    expect(Buffer.isBuffer(packet.body) && packet.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("packetFilename", () => {
  const name = (personName: string) => packetFilename(packetInput({ person: person(personName) }), "pdf");

  it("spells the name in ASCII letters, digits and dashes", () => {
    expect(name("Zoë Ó'Brien-Smith")).toBe("record-zoe-o-brien-smith-2025-03-01-to-2026-02-28.pdf");
    expect(name('Eve "x"; filename=evil.sh\r\n')).toBe(
      "record-eve-x-filename-evil-sh-2025-03-01-to-2026-02-28.pdf",
    );
  });

  it("falls back to a plain word when nothing of the name is ASCII", () => {
    expect(name("Анна Каренина")).toBe("record-person-2025-03-01-to-2026-02-28.pdf");
  });

  it("keeps a long name short", () => {
    const filename = name(`${"Maximilian ".repeat(20)}Mustermann`);
    expect(filename).toMatch(/^record-[a-z0-9-]{1,60}-2025-03-01-to-2026-02-28\.pdf$/);
    expect(filename).not.toMatch(/--|-{2}2025/);
  });
});
