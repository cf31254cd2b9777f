import { describe, expect, it } from "vitest";
import { levelOfAuthMessage } from "./auth-log";

describe("levelOfAuthMessage", () => {
  it.each([
    ["warn", "User not found"],
    ["warn", "Invalid password"],
    ["warn", "Password not found"],
    ["warn", "Reset Password: User not found"],
    ["error", "Invalid origin: https://elsewhere.example"],
    ["error", "Invalid callbackURL: https://elsewhere.example/x"],
    ["error", "Blocked cross-site navigation login attempt (CSRF protection)"],
    ["error", "Failed to parse state"],
  ] as const)("logs a caller's mistake (%s %j) at info", (level, message) => {
    expect(levelOfAuthMessage(level, message)).toBe("info");
  });

  it.each([
    ["warn", "Could not determine database type, defaulting to sqlite."],
    ["warn", "[better-auth] Warning: your BETTER_AUTH_SECRET appears low-entropy."],
  ] as const)("keeps a warning (%s %j) at warn", (level, message) => {
    expect(levelOfAuthMessage(level, message)).toBe("warn");
  });

  it.each([
    ["error", "Failed to create user"],
    ["error", "Better auth was unable to query your database.\nError: "],
  ] as const)("keeps a fault (%s %j) at error", (level, message) => {
    expect(levelOfAuthMessage(level, message)).toBe("error");
  });

  it("logs better-auth's advice at debug", () => {
    expect(levelOfAuthMessage("info", "Sign-up attempt for existing email: someone@example.com")).toBe(
      "debug",
    );
    expect(levelOfAuthMessage("debug", "anything")).toBe("debug");
  });
});
