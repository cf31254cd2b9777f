import { describe, expect, it } from "vitest";
import type { Due, HistoryEntry } from "../../contract";
import { historySentence } from "./historySentence";

const at = "2026-03-14T09:30:00.000Z";
const formatDue = (due: Due) => ("date" in due ? `day ${due.date}` : `instant ${due.at}`);
const say = (entry: Omit<HistoryEntry, "at" | "actorId">) =>
  historySentence({ at, actorId: "p1", ...entry }, "Manny Manager", formatDue);

describe("historySentence", () => {
  it("tells where work was added, asked for, accepted and moved", () => {
    expect(say({ kind: "created", to: 2 })).toBe("Manny Manager added it at position 2");
    expect(say({ kind: "created", to: "triage" })).toBe("Manny Manager asked for it");
    expect(say({ kind: "accepted", to: 1 })).toBe("Manny Manager accepted it at position 1");
    expect(say({ kind: "moved", from: 3, to: 1 })).toBe("Manny Manager moved it from 3 to 1");
    expect(say({ kind: "reopened", from: "done", to: 4 })).toBe("Manny Manager reopened it at position 4");
  });

  it("tells changes of state, with the reason for dropping or declining", () => {
    expect(say({ kind: "started", from: "open" })).toBe("Manny Manager started it");
    expect(say({ kind: "stopped", from: "in_progress" })).toBe("Manny Manager stopped working on it");
    expect(say({ kind: "completed", from: "in_progress" })).toBe("Manny Manager completed it");
    expect(say({ kind: "dropped", from: "open", to: "No longer needed" })).toBe(
      "Manny Manager dropped it: No longer needed",
    );
    expect(say({ kind: "declined", to: "Not this quarter" })).toBe(
      "Manny Manager declined it: Not this quarter",
    );
  });

  it("tells edits of wording, due date and urgency", () => {
    expect(say({ kind: "retitled", from: "Plan", to: "Plan Q2" })).toBe(
      "Manny Manager renamed it from “Plan” to “Plan Q2”",
    );
    expect(say({ kind: "notes_changed" })).toBe("Manny Manager edited the notes");
    expect(say({ kind: "due_changed", from: null, to: { date: "2026-03-20" } })).toBe(
      "Manny Manager set the due date to day 2026-03-20",
    );
    expect(say({ kind: "due_changed", from: { date: "2026-03-20" }, to: { at } })).toBe(
      `Manny Manager moved the due date from day 2026-03-20 to instant ${at}`,
    );
    expect(say({ kind: "due_changed", from: { date: "2026-03-20" }, to: null })).toBe(
      "Manny Manager removed the due date (was day 2026-03-20)",
    );
    expect(say({ kind: "urgency_changed", from: false, to: true })).toBe("Manny Manager marked it urgent");
    expect(say({ kind: "kept" })).toBe("Manny Manager said it is still needed");
    expect(say({ kind: "urgency_changed", from: true, to: false })).toBe(
      "Manny Manager marked it not urgent",
    );
  });

  it("tells when it joined, changed or left a goal", () => {
    expect(say({ kind: "goal_changed", from: null, to: "g1" })).toBe("Manny Manager linked it to a goal");
    expect(say({ kind: "goal_changed", from: "g1", to: "g2" })).toBe(
      "Manny Manager moved it to another goal",
    );
    expect(say({ kind: "goal_changed", from: "g1", to: null })).toBe("Manny Manager took it off its goal");
  });
});
