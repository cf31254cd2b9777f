import { apiFetch } from "./client";

interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

interface SignInInput {
  email: string;
  password: string;
}

export function signUp(input: SignUpInput): Promise<unknown> {
  return apiFetch("/api/auth/sign-up/email", { method: "POST", body: input });
}

export function signIn(input: SignInInput): Promise<unknown> {
  return apiFetch("/api/auth/sign-in/email", { method: "POST", body: input });
}

export function signOut(): Promise<unknown> {
  return apiFetch("/api/auth/sign-out", { method: "POST", body: {} });
}

interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes the signed-in person's password; every other session of theirs ends. */
export function changePassword(input: ChangePasswordInput): Promise<unknown> {
  return apiFetch("/api/auth/change-password", { method: "POST", body: input });
}
