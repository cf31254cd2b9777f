import { describe, expect, it } from "vitest";
import { kindLabel, statusView } from "./outboxStatus";

const instant = (value: string) => `at ${value}`;
const relative = (value: string) => `soon (${value.slice(11, 16)})`;
const base = { attempts: 0, nextAttemptAt: null, lastError: null, sentAt: null };

describe("statusView", () => {
  it("tells when a sent message went", () => {
    expect(
      statusView(
        { ...base, status: "sent", attempts: 1, sentAt: "2026-03-14T09:30:00.000Z" },
        instant,
        relative,
      ),
    ).toEqual({
      label: "Sent",
      color: "teal",
      details: ["Sent at 2026-03-14T09:30:00.000Z"],
    });
  });

  it("tells when a pending message goes out, and what went wrong before", () => {
    const waiting = statusView(
      { ...base, status: "pending", nextAttemptAt: "2026-03-14T10:00:00.000Z" },
      instant,
      relative,
    );
    expect(waiting).toEqual({
      label: "Pending",
      color: "blue",
      details: ["Goes out soon (10:00) (at 2026-03-14T10:00:00.000Z)"],
    });
    const retrying = statusView(
      {
        ...base,
        status: "pending",
        attempts: 2,
        nextAttemptAt: "2026-03-14T10:05:00.000Z",
        lastError: "connect ECONNREFUSED",
      },
      instant,
      relative,
    );
    expect(retrying.label).toBe("Retrying");
    expect(retrying.details).toEqual([
      "Next attempt soon (10:05) (at 2026-03-14T10:05:00.000Z)",
      "2 attempts so far",
      "Last error: connect ECONNREFUSED",
    ]);
  });

  it("says a canceled message will not be sent", () => {
    expect(statusView({ ...base, status: "canceled" }, instant, relative).label).toBe("Canceled");
  });
});

describe("kindLabel", () => {
  it("names each kind of message", () => {
    expect(kindLabel("digest")).toBe("Digest");
    expect(kindLabel("urgent")).toBe("Urgent");
    expect(kindLabel("invitation")).toBe("Invitation");
  });
});
