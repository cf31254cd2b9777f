import { describe, expect, it } from "vitest";
import { agendaWindow, openAgenda } from "./meeting-agenda";
import type { CadenceSeries } from "./meeting-cadence";

/** Every two weeks on Tuesday at 10:00 in Berlin, for 30 minutes, from 2026-03-03. */
const series: CadenceSeries = {
  cadence: { everyWeeks: 2, weekday: 2, time: "10:00", minutes: 30 },
  timeZone: "Europe/Berlin",
  anchor: "2026-03-03",
};
const now = new Date("2026-03-16T12:00:00Z");

describe("agendaWindow", () => {
  it("looks back to the previous held meeting and ahead to the meeting after an upcoming one", () => {
    const window = agendaWindow(
      { scheduledAt: "2026-03-17T09:00:00.000Z", state: "upcoming" },
      series,
      "2026-03-03T09:00:00.000Z",
      now,
    );
    expect(window).toEqual({
      since: "2026-03-03T09:00:00.000Z",
      until: now.toISOString(),
      // Two weeks on, across the change to summer time: still 10:00 in Berlin.
      dueUntil: "2026-03-31T08:00:00.000Z",
    });
  });

  it("looks back one cadence period when no meeting was held", () => {
    const window = agendaWindow(
      { scheduledAt: "2026-03-17T09:00:00.000Z", state: "upcoming" },
      series,
      undefined,
      now,
    );
    expect(window.since).toBe("2026-03-03T09:00:00.000Z");
  });

  it("reads a finished meeting as a record: up to its end, nothing ahead", () => {
    const window = agendaWindow(
      { scheduledAt: "2026-03-03T09:00:00.000Z", state: "held" },
      series,
      "2026-02-17T09:00:00.000Z",
      now,
    );
    expect(window).toEqual({
      since: "2026-02-17T09:00:00.000Z",
      until: "2026-03-03T09:30:00.000Z",
      dueUntil: null,
    });
  });
});

describe("openAgenda", () => {
  const task = (id: string, dueAt: string | null) => ({ id, dueAt });
  const open = [
    task("a", "2026-03-20T00:00:00.000Z"),
    task("b", null),
    task("c", "2026-03-10T00:00:00.000Z"),
    task("d", now.toISOString()),
    task("e", "2026-04-20T00:00:00.000Z"),
    task("f", "2026-03-31T08:00:00.000Z"),
  ];

  it("splits overdue from due before the next meeting, in plate order", () => {
    const { overdue, dueBeforeNext } = openAgenda(open, now, "2026-03-31T08:00:00.000Z", 50);
    expect(overdue.map((t) => t.id)).toEqual(["c", "d"]);
    expect(dueBeforeNext.map((t) => t.id)).toEqual(["a", "f"]);
  });

  it("keeps each list within the limit", () => {
    const { overdue, dueBeforeNext } = openAgenda(open, now, "2026-03-31T08:00:00.000Z", 1);
    expect(overdue.map((t) => t.id)).toEqual(["c"]);
    expect(dueBeforeNext.map((t) => t.id)).toEqual(["a"]);
  });
});
