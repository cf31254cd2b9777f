import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { parseMeetingChange, parseTaskChange, refreshEverythingLive } from "./live-events";
import { queryKeys } from "./queryKeys";

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

describe("refreshEverythingLive", () => {
  it("reads goals and feedback again, as it does plates and meetings", () => {
    const queryClient = new QueryClient();
    const shown = [
      queryKeys.plate("p1", "open"),
      queryKeys.meeting("m1"),
      queryKeys.personGoals("p1", "all"),
      queryKeys.goal("g1"),
      queryKeys.feedbackList("received"),
      queryKeys.personFeedback("p2"),
      queryKeys.feedbackRequests("sent"),
    ];
    for (const queryKey of shown) queryClient.setQueryData(queryKey, { items: [] });
    queryClient.setQueryData(queryKeys.me, { id: "p1" });

    refreshEverythingLive(queryClient);

    for (const queryKey of shown)
      expect(queryClient.getQueryState(queryKey)?.isInvalidated, String(queryKey)).toBe(true);
    // Who I am does not change by what the stream carries.
    expect(queryClient.getQueryState(queryKeys.me)?.isInvalidated).toBe(false);
  });
});
