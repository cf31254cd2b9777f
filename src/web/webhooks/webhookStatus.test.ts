import { describe, expect, it } from "vitest";
import {
  attemptOutcome,
  deliveryStatus,
  endpointName,
  endpointStatus,
  formatDuration,
} from "./webhookStatus";

const formats = {
  now: Date.parse("2026-03-14T09:45:00.000Z"),
  exact: (instant: string) => `at ${instant.slice(11, 16)}`,
  relative: (instant: string) => `soon (${instant.slice(11, 16)})`,
};
const on = { enabled: true, failingSince: null, disabledAt: null, disabledReason: null } as const;

describe("endpointStatus", () => {
  it("says an endpoint that answers is on", () => {
    expect(endpointStatus(on, formats)).toEqual({ label: "On", color: "teal", detail: null });
  });

  it("says since when an endpoint fails, and that it is turned off after 24 hours", () => {
    const status = endpointStatus({ ...on, failingSince: "2026-03-14T09:30:00.000Z" }, formats);
    expect(status.label).toBe("Failing since at 09:30");
    expect(status.color).toBe("orange");
    expect(status.detail).toMatch(/after 24 hours of failures it is turned off/);
  });

  it("tells an endpoint turned off for failing from one someone turned off", () => {
    const failing = endpointStatus(
      {
        enabled: false,
        failingSince: "2026-03-13T09:30:00.000Z",
        disabledAt: "2026-03-14T09:31:00.000Z",
        disabledReason: "failing",
      },
      formats,
    );
    expect(failing.label).toBe("Turned off after 24 hours of failures");
    expect(failing.color).toBe("red");
    expect(failing.detail).toBe("Turned off on at 09:31. Nothing is sent to it until it is turned on again.");
    const requested = endpointStatus(
      { ...on, enabled: false, disabledAt: "2026-03-14T10:00:00.000Z", disabledReason: "requested" },
      formats,
    );
    expect(requested).toEqual({
      label: "Off",
      color: "gray",
      detail: "Turned off on at 10:00. Nothing is sent to it.",
    });
  });
});

describe("deliveryStatus", () => {
  const base = { nextAttemptAt: null, deliveredAt: null, attemptCount: 0 };

  it("tells when a pending delivery goes out, or is tried next", () => {
    expect(
      deliveryStatus({ ...base, status: "pending", nextAttemptAt: "2026-03-14T10:00:00.000Z" }, formats),
    ).toEqual({ label: "Pending", color: "blue", detail: "Goes out soon (10:00) (at 10:00)" });
    expect(
      deliveryStatus(
        { ...base, status: "pending", attemptCount: 2, nextAttemptAt: "2026-03-14T10:05:00.000Z" },
        formats,
      ).detail,
    ).toBe("Next attempt soon (10:05) (at 10:05)");
  });

  it("says a delivery due already, as one sent again is, goes now", () => {
    const due = { ...base, status: "pending" as const, nextAttemptAt: "2026-03-14T09:44:59.000Z" };
    expect(deliveryStatus({ ...due, attemptCount: 2 }, formats).detail).toBe("Next attempt now");
    expect(deliveryStatus(due, formats).detail).toBe("Goes out now");
  });

  it("tells when a delivery arrived", () => {
    expect(
      deliveryStatus(
        { ...base, status: "delivered", attemptCount: 1, deliveredAt: "2026-03-14T10:00:02.000Z" },
        formats,
      ),
    ).toEqual({ label: "Delivered", color: "teal", detail: "Delivered at 10:00" });
  });

  it("tells how many attempts a failed delivery had, or that it was never sent", () => {
    expect(deliveryStatus({ ...base, status: "failed", attemptCount: 8 }, formats)).toEqual({
      label: "Failed",
      color: "red",
      detail: "Not delivered after 8 attempts",
    });
    expect(deliveryStatus({ ...base, status: "failed", attemptCount: 1 }, formats).detail).toBe(
      "Not delivered after 1 attempt",
    );
    expect(deliveryStatus({ ...base, status: "failed" }, formats).detail).toBe(
      "Not sent: the webhook was turned off",
    );
  });
});

describe("attemptOutcome", () => {
  it("gives the status answered, what went wrong, or both", () => {
    expect(attemptOutcome({ status: 204, error: null })).toEqual({ text: "HTTP 204", ok: true });
    expect(attemptOutcome({ status: 500, error: null })).toEqual({ text: "HTTP 500", ok: false });
    expect(attemptOutcome({ status: 302, error: "redirects are not followed" })).toEqual({
      text: "HTTP 302: redirects are not followed",
      ok: false,
    });
    expect(attemptOutcome({ status: null, error: "no answer within 10 seconds" })).toEqual({
      text: "no answer within 10 seconds",
      ok: false,
    });
    expect(attemptOutcome({ status: null, error: null })).toEqual({ text: "No answer", ok: false });
  });
});

describe("formatDuration", () => {
  it("writes milliseconds under a second, seconds above", () => {
    expect(formatDuration(85)).toBe("85 ms");
    expect(formatDuration(1234)).toBe("1.2 s");
    expect(formatDuration(10_000)).toBe("10 s");
  });
});

describe("endpointName", () => {
  it("is the description, or the address when there is none", () => {
    expect(endpointName({ description: "Billing sync", url: "https://a.example/h" })).toBe("Billing sync");
    expect(endpointName({ description: "", url: "https://a.example/h" })).toBe("https://a.example/h");
  });
});
