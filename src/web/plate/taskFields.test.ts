import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { splitTaskErrors, taskFieldFor } from "./taskFields";

describe("taskFieldFor", () => {
  it("shows each server path beside the field that holds it", () => {
    expect(taskFieldFor("title")).toBe("title");
    expect(taskFieldFor("due.date")).toBe("due");
    expect(taskFieldFor("due")).toBe("due");
    expect(taskFieldFor("dropReason")).toBe("reason");
    expect(taskFieldFor("reason")).toBe("reason");
    expect(taskFieldFor("placement")).toBe("placement");
    expect(taskFieldFor("goalId")).toBe("goalId");
    expect(taskFieldFor("version")).toBeNull();
  });
});

describe("splitTaskErrors", () => {
  const limit = new ApiError({
    status: 422,
    detail: "You have marked 2 items urgent for Rita this week, the most your organization allows.",
  });
  const untick = "Untick Urgent to add it without an e-mail.";

  it("says a refused urgent mark beside the Urgent box, and that nothing was saved", () => {
    expect(splitTaskErrors(limit, true, untick)).toEqual({
      fields: { urgent: limit.detail },
      form: "Nothing was saved. Untick Urgent to add it without an e-mail.",
    });
  });

  it("prefers the server's explanation to the short field message", () => {
    const named = new ApiError({
      status: 422,
      detail: limit.detail,
      fieldErrors: { urgent: "Urgent limit of 2 a week reached" },
    });
    expect(splitTaskErrors(named, true, untick)).toEqual({
      fields: { urgent: limit.detail },
      form: "Nothing was saved. Untick Urgent to add it without an e-mail.",
    });
  });

  it("leaves other errors where they belong", () => {
    expect(splitTaskErrors(limit, false, untick)).toEqual({ fields: {}, form: limit.detail });
    const placement = new ApiError({
      status: 422,
      detail: "The task to place next to is not open on this plate.",
      fieldErrors: { placement: "Not open on this plate" },
    });
    expect(splitTaskErrors(placement, true, untick)).toEqual({
      fields: { placement: "Not open on this plate" },
      form: null,
    });
  });
});
