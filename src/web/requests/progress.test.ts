import { describe, expect, it } from "vitest";
import {
  askSentence,
  landingSentence,
  loadSentence,
  progressDetail,
  progressHeadline,
  progressShares,
} from "./progress";

const progress = (done: number, dropped: number, open: number) => ({
  done,
  dropped,
  open,
  total: done + dropped + open,
});

describe("progressHeadline", () => {
  it("counts what is done of everyone asked", () => {
    expect(progressHeadline(progress(2, 0, 1))).toBe("2 of 3 done");
    expect(progressHeadline(progress(0, 1, 2))).toBe("0 of 3 done");
  });

  it("says when everyone is done", () => {
    expect(progressHeadline(progress(3, 0, 0))).toBe("All 3 done");
    expect(progressHeadline(progress(1, 0, 0))).toBe("Done");
  });

  it("says when nobody was asked", () => {
    expect(progressHeadline(progress(0, 0, 0))).toBe("Nobody asked yet");
  });
});

describe("progressDetail", () => {
  it("names what is still open and what was dropped", () => {
    expect(progressDetail(progress(1, 1, 2))).toBe("2 still open · 1 dropped");
    expect(progressDetail(progress(2, 1, 0))).toBe("1 dropped");
    expect(progressDetail(progress(3, 0, 0))).toBe("");
  });
});

describe("progressShares", () => {
  it("splits the bar by done and dropped", () => {
    expect(progressShares(progress(1, 1, 2))).toEqual({ done: 25, dropped: 25 });
    expect(progressShares(progress(0, 0, 0))).toEqual({ done: 0, dropped: 0 });
  });
});

describe("askSentence", () => {
  it("counts people", () => {
    expect(askSentence(7)).toBe("This asks 7 people for their time.");
    expect(askSentence(1)).toBe("This asks 1 person for their time.");
    expect(askSentence(0)).toBe("This asks nobody yet.");
  });
});

describe("landingSentence", () => {
  it("says where the tasks go", () => {
    expect(landingSentence([{ lands: "plate" }, { lands: "plate" }])).toBe(
      "Each goes to the bottom of their plate.",
    );
    expect(landingSentence([{ lands: "triage" }])).toBe(
      "It waits in their triage: you are not in their management chain.",
    );
    expect(landingSentence([{ lands: "plate" }, { lands: "triage" }, { lands: "plate" }])).toBe(
      "2 at the bottom of their plate, 1 in their triage (you are not in their management chain).",
    );
  });
});

describe("loadSentence", () => {
  it("reads a load", () => {
    expect(loadSentence({ open: 3, dueThisWeek: 1, overdue: 0 })).toBe(
      "3 open · 1 due this week · 0 overdue",
    );
  });
});
