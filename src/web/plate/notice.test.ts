import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { noticeFor } from "./notice";

describe("noticeFor", () => {
  it("answers a race calmly", () => {
    const notice = noticeFor(new ApiError({ status: 409, detail: "Changed" }), "Plan Q2");
    expect(notice.tone).toBe("calm");
    expect(notice.message).toMatch(/^“Plan Q2” was just changed by someone else/);
    expect(noticeFor(new ApiError({ status: 404, detail: "Task not found" }), "Plan Q2").tone).toBe("calm");
  });

  it("passes on what the server said of anything else", () => {
    expect(noticeFor(new ApiError({ status: 422, detail: "Only open tasks move." }), "Plan Q2")).toEqual({
      tone: "error",
      message: "“Plan Q2” was left as it was. Only open tasks move.",
    });
  });
});
