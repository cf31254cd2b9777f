import { describe, expect, it } from "vitest";
import { meetingNeighbours } from "./meetingNeighbours";

const meeting = (id: string, day: number) => ({
  id,
  scheduledAt: `2026-03-${String(day).padStart(2, "0")}T09:00:00.000Z`,
});

describe("meetingNeighbours", () => {
  // Past lists come newest first, upcoming ones soonest first.
  const past = [meeting("m3", 17), meeting("m2", 10), meeting("m1", 3)];
  const upcoming = [meeting("m4", 24), meeting("m5", 31)];

  it("finds the meetings just before and after, across both lists", () => {
    expect(meetingNeighbours("m3", upcoming, past)).toEqual({
      previous: meeting("m2", 10),
      next: meeting("m4", 24),
    });
    expect(meetingNeighbours("m4", upcoming, past)).toEqual({
      previous: meeting("m3", 17),
      next: meeting("m5", 31),
    });
  });

  it("has none past either end", () => {
    expect(meetingNeighbours("m1", upcoming, past).previous).toBeNull();
    expect(meetingNeighbours("m5", upcoming, past).next).toBeNull();
  });

  it("orders by when a meeting is, so a moved meeting sits where it now falls", () => {
    const moved = [meeting("m4", 24), meeting("m5", 12)];
    expect(meetingNeighbours("m5", moved, past)).toEqual({
      previous: meeting("m2", 10),
      next: meeting("m3", 17),
    });
  });

  it("counts a meeting in both lists once", () => {
    expect(meetingNeighbours("m4", upcoming, [meeting("m4", 24), ...past]).previous).toEqual(
      meeting("m3", 17),
    );
  });

  it("has none when the lists do not hold the meeting", () => {
    expect(meetingNeighbours("elsewhere", upcoming, past)).toEqual({ previous: null, next: null });
  });
});
