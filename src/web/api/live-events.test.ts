import { describe, expect, it } from "vitest";
import { parseMeetingChange, parseTaskChange } from "./live-events";

describe("parseTaskChange", () => {
  it("reads the task and its owner", () => {
    expect(parseTaskChange('{"taskId":"t1","ownerId":"p1","at":"2026-03-14T09:30:00.000Z"}')).toEqual({
      taskId: "t1",
      ownerId: "p1",
    });
  });

  it.each(["", "not json", "null", "[]", '{"taskId":"t1"}', '{"taskId":1,"ownerId":"p1"}'])(
    "ignores %j",
    (data) => {
      expect(parseTaskChange(data)).toBeNull();
    },
  );
});

describe("parseMeetingChange", () => {
  it("reads the meeting and its series", () => {
    expect(parseMeetingChange('{"meetingId":"m1","seriesId":"s1","at":"2026-03-14T09:30:00.000Z"}')).toEqual({
      meetingId: "m1",
      seriesId: "s1",
    });
  });

  it.each([
    "",
    "not json",
    "null",
    "[]",
    '{"meetingId":"m1"}',
    '{"meetingId":"m1","seriesId":2}',
    '{"taskId":"t1","ownerId":"p1"}',
  ])("ignores %j", (data) => {
    expect(parseMeetingChange(data)).toBeNull();
  });
});
