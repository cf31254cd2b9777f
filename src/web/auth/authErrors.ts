import { ApiError } from "../api/errors";
import { type SplitErrors, splitErrors } from "../components/form-errors";

type AuthField = "name" | "email" | "password";

const FIELDS: AuthField[] = ["name", "email", "password"];

/** better-auth answers `{message, code}`: its code says which field the message is about. */
function fieldOfCode(code: string): AuthField | null {
  if (code.includes("EMAIL_OR_PASSWORD")) return null;
  if (code.includes("PASSWORD")) return "password";
  if (code.includes("EMAIL") || code.startsWith("USER_ALREADY_EXISTS")) return "email";
  if (code.includes("NAME")) return "name";
  return null;
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function authErrors(error: unknown): SplitErrors {
  const split = splitErrors(error, (path) => (FIELDS.includes(path as AuthField) ? path : null));
  if (!(error instanceof ApiError) || Object.keys(split.fields).length > 0) return split;
  const field = error.code ? fieldOfCode(error.code) : null;
  if (field) return { fields: { [field]: error.detail }, form: null };
  if (error.status === 429 && error.retryAfterSeconds) {
    return {
      fields: {},
      form: `Too many failed attempts. Try again in ${waitText(error.retryAfterSeconds)}.`,
    };
  }
  return split;
}
