import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, toApiError } from "./errors";

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

describe("toApiError", () => {
  it("reads problem+json: detail, and each field's message by path", async () => {
    const error = await toApiError(
      answer(400, {
        type: "urn:x",
        title: "The request is not valid",
        status: 400,
        detail: "Working hours must end after they start.",
        errors: [
          { path: "workingHours.end", message: "working hours must end after they start" },
          { path: "workingHours.end", message: "a second message for the same field" },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detail).toBe("Working hours must end after they start.");
    expect(error.fieldErrors).toEqual({ "workingHours.end": "Working hours must end after they start" });
  });

  it("keeps the current entity of a version conflict", async () => {
    const current = { id: "t1", title: "Renamed by someone else", version: 4 };
    const error = await toApiError(
      answer(409, {
        type: "urn:x",
        title: "Conflict",
        status: 409,
        detail: "Changed by someone else.",
        current,
      }),
    );
    expect(error.status).toBe(409);
    expect(error.current).toEqual(current);
  });

  it("reads better-auth's own {message, code}", async () => {
    const error = await toApiError(
      answer(422, { message: "User already exists", code: "USER_ALREADY_EXISTS" }),
    );
    expect(error.detail).toBe("User already exists");
    expect(error.code).toBe("USER_ALREADY_EXISTS");
  });

  it("keeps Retry-After, and says something useful when the body is not JSON", async () => {
    const error = await toApiError(
      new Response("slow down", { status: 429, headers: { "Retry-After": "30" } }),
    );
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.detail).toMatch(/too many attempts/i);
  });
});

describe("errorMessage", () => {
  it("explains a network failure apart from an API answer", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/could not be reached/);
    expect(errorMessage(new ApiError({ status: 403, detail: "Only admins may do that." }))).toBe(
      "Only admins may do that.",
    );
  });
});
