import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { authErrors } from "./authErrors";

describe("authErrors", () => {
  it("puts a problem's field error beside that field", () => {
    const error = new ApiError({
      status: 400,
      detail: "Password must be at least 10 characters long.",
      fieldErrors: { password: "Password must be at least 10 characters long." },
    });
    expect(authErrors(error)).toEqual({
      fields: { password: "Password must be at least 10 characters long." },
      form: null,
    });
  });

  it("places better-auth's own {message, code} by its code", () => {
    const taken = new ApiError({ status: 422, detail: "User already exists", code: "USER_ALREADY_EXISTS" });
    expect(authErrors(taken).fields).toEqual({ email: "User already exists" });
    const wrong = new ApiError({
      status: 401,
      detail: "Invalid email or password",
      code: "INVALID_EMAIL_OR_PASSWORD",
    });
    expect(authErrors(wrong)).toEqual({ fields: {}, form: "Invalid email or password" });
  });

  it("says how long to wait after too many attempts", () => {
    const limited = new ApiError({ status: 429, detail: "Too many requests", retryAfterSeconds: 900 });
    expect(authErrors(limited).form).toBe("Too many failed attempts. Try again in 15 minutes.");
  });
});
