import { describe, expect, it } from "vitest";
import type { Series } from "../../contract";
import { goingSeriesWith, mayPlaceOn, otherParticipant, seriesFieldFor, splitSeries } from "./series";

function series(id: string, changes: Partial<Series> = {}): Series {
  return {
    id,
    participantIds: ["manny", "rita"],
    organizerId: "manny",
    cadence: { everyWeeks: 1, weekday: 2, time: "10:00", minutes: 30 },
    timeZone: "Europe/Berlin",
    createdAt: "2026-01-01T00:00:00.000Z",
    endedAt: null,
    nextMeeting: null,
    ...changes,
  };
}

const next = (scheduledAt: string) => ({
  id: `m-${scheduledAt}`,
  seriesId: "s",
  scheduledAt,
  endsAt: scheduledAt,
  state: "upcoming" as const,
  talkingPoints: [],
  sharedNotes: "",
  actionItems: [],
  fromThePlate: [],
  goals: [],
  feedbackSince: [],
  version: 1,
});

describe("otherParticipant", () => {
  it("is the other of the two, whichever place I hold", () => {
    expect(otherParticipant(series("s"), "manny")).toBe("rita");
    expect(otherParticipant(series("s"), "rita")).toBe("manny");
  });
});

describe("goingSeriesWith", () => {
  const ended = series("ended", { endedAt: "2026-02-01T00:00:00.000Z" });
  const going = series("going");
  const other = series("other", { participantIds: ["manny", "otto"] });

  it("finds the going series with that person", () => {
    expect(goingSeriesWith([ended, other, going], "manny", "rita")?.id).toBe("going");
    expect(goingSeriesWith([ended, other, going], "rita", "manny")?.id).toBe("going");
  });

  it("ignores ended series and series with others", () => {
    expect(goingSeriesWith([ended, other], "manny", "rita")).toBeUndefined();
  });
});

describe("splitSeries", () => {
  it("puts going series first by their next meeting, ended ones apart, latest ended first", () => {
    const { going, ended } = splitSeries([
      series("late", { nextMeeting: next("2026-03-20T10:00:00.000Z") }),
      series("ended-early", { endedAt: "2026-01-05T00:00:00.000Z" }),
      series("soon", { nextMeeting: next("2026-03-10T10:00:00.000Z") }),
      series("ended-late", { endedAt: "2026-02-05T00:00:00.000Z" }),
    ]);
    expect(going.map((one) => one.id)).toEqual(["soon", "late"]);
    expect(ended.map((one) => one.id)).toEqual(["ended-late", "ended-early"]);
  });
});

describe("mayPlaceOn", () => {
  const people = [
    { id: "boss", managerId: null },
    { id: "manny", managerId: "boss" },
    { id: "rita", managerId: "manny" },
    { id: "intern", managerId: "rita" },
  ];

  it("is my own plate and every plate below me", () => {
    expect(mayPlaceOn(people, "manny", "manny")).toBe(true);
    expect(mayPlaceOn(people, "manny", "rita")).toBe(true);
    expect(mayPlaceOn(people, "manny", "intern")).toBe(true);
  });

  it("is not a plate above me or beside me", () => {
    expect(mayPlaceOn(people, "rita", "manny")).toBe(false);
    expect(mayPlaceOn(people, "manny", "boss")).toBe(false);
  });
});

describe("seriesFieldFor", () => {
  it.each([
    ["withId", "withId"],
    ["cadence.everyWeeks", "everyWeeks"],
    ["cadence.weekday", "weekday"],
    ["cadence.time", "time"],
    ["cadence.minutes", "minutes"],
    ["timeZone", "timeZone"],
    ["firstDate", "firstDate"],
    ["cadence", null],
    ["ended", null],
  ])("%s shows at %s", (path, field) => {
    expect(seriesFieldFor(path)).toBe(field);
  });
});
