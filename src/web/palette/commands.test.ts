import { describe, expect, it } from "vitest";
import { commandMatches, directReports } from "./commands";

describe("commandMatches", () => {
  it("matches every command while nothing is typed", () => {
    expect(commandMatches("Go to Inbox", "")).toBe(true);
    expect(commandMatches("Go to Inbox", "   ")).toBe(true);
  });

  it("matches when every word typed is in the label, in any case and order", () => {
    expect(commandMatches("Go to Inbox", "inbox")).toBe(true);
    expect(commandMatches("Add a task to Rita Report's plate", "rita add")).toBe(true);
    expect(commandMatches("Go to Inbox", "inb GO")).toBe(true);
  });

  it("does not match when a word typed is missing", () => {
    expect(commandMatches("Go to Inbox", "inbox zero")).toBe(false);
  });
});

describe("directReports", () => {
  const people = [
    { id: "manny", name: "Manny Manager", managerId: null },
    { id: "rita", name: "Rita Report", managerId: "manny" },
    { id: "alex", name: "Alex Analyst", managerId: "manny" },
    { id: "grace", name: "Grace Grandreport", managerId: "rita" },
  ];

  it("lists the people who report to the manager directly, by name", () => {
    expect(directReports(people, "manny").map((person) => person.id)).toEqual(["alex", "rita"]);
  });

  it("lists nobody for someone without reports", () => {
    expect(directReports(people, "grace")).toEqual([]);
  });
});
