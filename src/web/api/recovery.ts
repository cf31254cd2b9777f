import { apiFetch } from "./client";

/** Asks for a link to choose a new password; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<unknown> {
  return apiFetch("/api/auth/request-password-reset", { method: "POST", body: { email } });
}

/** Sets a new password with a reset link's token; every session of the account ends. */
export function resetPassword(token: string, newPassword: string): Promise<unknown> {
  return apiFetch("/api/auth/reset-password", { method: "POST", body: { token, newPassword } });
}

/** Confirms an address with a verification link's token. */
export function verifyEmail(token: string): Promise<unknown> {
  return apiFetch(`/api/auth/verify-email?token=${encodeURIComponent(token)}`);
}

/** Mails the signed-in person a new link to confirm their address. */
export function sendVerificationEmail(email: string): Promise<unknown> {
  return apiFetch("/api/auth/send-verification-email", { method: "POST", body: { email } });
}

/** Whether the signed-in person has confirmed their address (null when nobody is signed in). */
export async function loadEmailVerified(): Promise<boolean | null> {
  const session = await apiFetch<{ user?: { emailVerified?: boolean } } | null>("/api/auth/get-session");
  return session?.user ? session.user.emailVerified === true : null;
}
