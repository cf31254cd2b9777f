import { describe, expect, it } from "vitest";
import { fromTo, fromWhom, readersLine } from "./feedbackLines";

const names: Record<string, string> = { manny: "Manny Manager", rita: "Rita Report", sam: "Sam Peer" };
const nameOf = (id: string) => names[id] ?? "Someone";

describe("fromTo", () => {
  it("names the giver and the receiver, the reader as you", () => {
    expect(fromTo({ fromId: "sam", toId: "rita" }, "manny", nameOf)).toBe("From Sam Peer to Rita Report");
    expect(fromTo({ fromId: "manny", toId: "rita" }, "manny", nameOf)).toBe("From you to Rita Report");
    expect(fromTo({ fromId: "sam", toId: "rita" }, "rita", nameOf)).toBe("From Sam Peer to you");
    expect(fromWhom({ fromId: "sam" }, "rita", nameOf)).toBe("From Sam Peer");
    expect(fromWhom({ fromId: "manny" }, "manny", nameOf)).toBe("From you");
  });
});

describe("readersLine", () => {
  it("says private feedback is the two people's alone, the reader first", () => {
    const thanks = { fromId: "manny", toId: "rita", visibility: "private" } as const;
    expect(readersLine(thanks, "rita", nameOf)).toBe("Only you and Manny Manager read it.");
    expect(readersLine(thanks, "manny", nameOf)).toBe("Only you and Rita Report read it.");
    expect(readersLine(thanks, "sam", nameOf)).toBe("Only Rita Report and Manny Manager read it.");
  });

  it("says whose managers read feedback shared with them", () => {
    const shared = { fromId: "sam", toId: "rita", visibility: "with_manager" } as const;
    expect(readersLine(shared, "rita", nameOf)).toBe("Your managers read it too.");
    expect(readersLine(shared, "manny", nameOf)).toBe("Rita Report's managers read it too.");
    expect(readersLine(shared, "sam", nameOf)).toBe("Rita Report's managers read it too.");
  });
});
