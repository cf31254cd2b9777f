/*
 * The links Docket mails (a new password, a confirmed address) carry their token in the URL's
 * fragment: browsers never send it to the server, so it reaches no request log. The pages read it
 * from there and post it.
 */

/** The `token` of a fragment such as `#token=abc`, or null. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token ? token : null;
}

/** What the page can tell of a verification link before using it. */
export interface VerificationLink {
  /** The address it confirms, when the link is readable. */
  email: string | null;
  expired: boolean;
}

/**
 * Reads the address and expiry a verification link's token (a signed JWT) carries. Only to show
 * them: the server checks the signature when the link is used.
 */
export function readVerificationLink(token: string, now: Date): VerificationLink {
  const payload = token.split(".")[1];
  if (!payload) return { email: null, expired: false };
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    const email = typeof json.email === "string" ? json.email : null;
    const expired = typeof json.exp === "number" && json.exp * 1000 <= now.getTime();
    return { email, expired };
  } catch {
    return { email: null, expired: false };
  }
}
