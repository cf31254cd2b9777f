import { describe, expect, it } from "vitest";
import type { Me } from "../../contract";
import { settingsFieldFor, toSettingsValues, toUpdateMe } from "./settingsValues";

const me: Me = {
  id: "p1",
  name: "Ada",
  email: "ada@example.test",
  organizationId: "o1",
  role: "owner",
  managerId: null,
  title: null,
  timeZone: "UTC",
  workingHours: { days: [5, 1, 2, 3, 4], start: "09:00", end: "17:30" },
  digest: { times: ["09:00"], days: [1, 2, 3, 4, 5] },
  away: null,
};

describe("settings values", () => {
  it("round-trips what the server said, days sorted Monday first", () => {
    const values = toSettingsValues(me);
    expect(values.workingHours.days).toEqual(["1", "2", "3", "4", "5"]);
    expect(values.away).toEqual({ from: "", until: "" });
    expect(toUpdateMe(values)).toEqual({
      name: "Ada",
      timeZone: "UTC",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
      digest: { times: ["09:00"], days: [1, 2, 3, 4, 5] },
      away: null,
    });
  });

  it("sends an away period only when it has dates", () => {
    const values = { ...toSettingsValues(me), away: { from: "2031-07-01", until: "2031-07-14" } };
    expect(toUpdateMe(values).away).toEqual({ from: "2031-07-01", until: "2031-07-14" });
  });

  it("places each server error on a field of the form, or nowhere", () => {
    expect(settingsFieldFor("workingHours.end")).toBe("workingHours.end");
    expect(settingsFieldFor("digest.times.1")).toBe("digest.times.1");
    expect(settingsFieldFor("workingHours")).toBe("workingHours.end");
    expect(settingsFieldFor("away.until")).toBe("away.until");
    expect(settingsFieldFor("email")).toBeNull();
  });
});
