import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The session token inside a signed session cookie (`<token>.<base64 HMAC-SHA256 of token>`, as
 * better-auth signs it), or null when the cookie is absent or its signature does not verify.
 * Used only for the fast path of recognizing a caller: anything it cannot read is left to
 * better-auth itself.
 */
export function sessionTokenFromCookie(cookieHeader: string, name: string, secret: string): string | null {
  const raw = cookieValue(cookieHeader, name);
  if (raw === null) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals !== -1 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return null;
}
