/**
 * A sane password policy (NIST SP 800-63B): long enough, not absurdly long, not the e-mail or name,
 * and not one of the passwords every attacker tries first. No composition rules.
 */
export const passwordLength = { min: 10, max: 128 } as const;

const commonPasswords = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "1111111111",
  "0000000000",
  "1q2w3e4r5t",
  "qwertyuiop",
  "1qaz2wsx3edc",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou123",
  "qwerty12345",
  "qwerty123456",
  "abc1234567",
  "abcdefghij",
  "letmein123",
  "welcome123",
  "changeme123",
  "administrator",
  "football123",
  "baseball123",
  "sunshine123",
  "princess123",
  "trustno1234",
  "superman123",
  "123456789a",
  "a123456789",
  "aaaaaaaaaa",
]);

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, person: { email: string; name?: string }): string | null {
  const length = [...password].length;
  if (length < passwordLength.min) return `Password must be at least ${passwordLength.min} characters long.`;
  if (length > passwordLength.max) return `Password must be at most ${passwordLength.max} characters long.`;
  const lowered = password.toLowerCase();
  if (new Set(lowered).size === 1) return "Password must not be one character repeated.";
  if (commonPasswords.has(lowered)) return "This password is too common; choose another.";
  const email = person.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  if (lowered === email || (localPart.length >= 4 && lowered.includes(localPart))) {
    return "Password must not contain your e-mail address.";
  }
  const name = person.name?.trim().toLowerCase() ?? "";
  if (name.length >= 4 && lowered === name.replace(/\s+/g, "")) return "Password must not be your name.";
  return null;
}
