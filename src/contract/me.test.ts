import { describe, expect, it } from "vitest";
import { Away, DigestSchedule, TimeZone, WorkingHours } from "./me";

describe("TimeZone", () => {
  it.each([
    ["Europe/Paris", "Europe/Paris"],
    ["europe/paris", "Europe/Paris"],
    ["UTC", "UTC"],
    ["Australia/Lord_Howe", "Australia/Lord_Howe"],
  ])("accepts %s as %s", (input, canonical) => {
    expect(TimeZone.parse(input)).toBe(canonical);
  });

  it.each(["Mars/Olympus", "", "Europe/Paris; drop table", "+05:00"])("refuses %j", (input) => {
    expect(TimeZone.safeParse(input).success).toBe(false);
  });
});

describe("WorkingHours", () => {
  it("accepts a normal week", () => {
    expect(WorkingHours.parse({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" }).end).toBe("17:30");
  });

  it.each([
    ["end before start", { days: [1], start: "17:00", end: "09:00" }],
    ["crossing midnight", { days: [1], start: "22:00", end: "02:00" }],
    ["weekday 8", { days: [8], start: "09:00", end: "17:00" }],
    ["repeated days", { days: [1, 1], start: "09:00", end: "17:00" }],
    ["24:00", { days: [1], start: "09:00", end: "24:00" }],
    ["an unknown field", { days: [1], start: "09:00", end: "17:00", lunch: "12:00" }],
  ])("refuses %s", (_, input) => {
    expect(WorkingHours.safeParse(input).success).toBe(false);
  });
});

describe("DigestSchedule and Away", () => {
  it("refuses repeated digest times", () => {
    expect(DigestSchedule.safeParse({ times: ["09:00", "09:00"], days: [1] }).success).toBe(false);
  });

  it("refuses an away period that ends before it starts", () => {
    expect(Away.safeParse({ from: "2026-12-24", until: "2026-12-20" }).success).toBe(false);
    expect(Away.safeParse({ from: "2026-12-20", until: "2026-12-20" }).success).toBe(true);
  });
});
