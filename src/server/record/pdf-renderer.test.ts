import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../core/errors";
import { packetInput } from "./packet-fixtures";
import { PdfRenderer } from "./pdf-renderer";

describe("PdfRenderer", () => {
  const renderer = new PdfRenderer();
  afterAll(() => renderer.close());

  it("draws packets on a thread of its own", async () => {
    const pdf = await renderer.render(packetInput());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("keeps at most 16 packets waiting and asks the next to come back shortly", async () => {
    const renders = Array.from({ length: 17 }, () => renderer.render(packetInput()));
    const outcomes = await Promise.allSettled(renders);
    expect(outcomes.slice(0, 16).every((outcome) => outcome.status === "fulfilled")).toBe(true);
    const refused = outcomes[16];
    expect(refused?.status).toBe("rejected");
    const reason = (refused as PromiseRejectedResult).reason as AppError;
    expect(reason).toBeInstanceOf(AppError);
    expect(reason.status).toBe(503);
    expect(reason.details.retryAfterSeconds).toBe(5);
  });

  it("starts a new thread after closing", async () => {
    await renderer.close();
    const pdf = await renderer.render(packetInput());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
