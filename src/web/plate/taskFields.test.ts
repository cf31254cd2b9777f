import { describe, expect, it } from "vitest";
import { taskFieldFor } from "./taskFields";

describe("taskFieldFor", () => {
  it("shows each server path beside the field that holds it", () => {
    expect(taskFieldFor("title")).toBe("title");
    expect(taskFieldFor("due.date")).toBe("due");
    expect(taskFieldFor("due")).toBe("due");
    expect(taskFieldFor("dropReason")).toBe("reason");
    expect(taskFieldFor("reason")).toBe("reason");
    expect(taskFieldFor("placement")).toBe("placement");
    expect(taskFieldFor("version")).toBeNull();
  });
});
