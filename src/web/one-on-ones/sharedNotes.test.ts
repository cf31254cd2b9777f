import { describe, expect, it } from "vitest";
import { afterStaleSave } from "./sharedNotes";

describe("afterStaleSave", () => {
  it("sends again when only something else of the meeting changed", () => {
    expect(afterStaleSave("## Agenda\n- hiring", "## Agenda\n- hiring")).toBe("resend");
  });

  it("shows the other person's notes when the notes themselves changed", () => {
    expect(afterStaleSave("## Agenda", "## Agenda\n- their line")).toBe("overtaken");
  });
});
