import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A new opaque identifier for any row. */
export const newId = (): string => randomUUID();

/** A new bearer secret (tokens, invitation links): 256 random bits, URL-safe, with a readable prefix. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

/**
 * A signing secret as the Standard Webhooks specification spells it: `whsec_` and 256 random bits in
 * base64. Unlike the bearer secrets it is kept as it is, since it signs what is sent.
 */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

/** Secrets are stored only as this digest, so a leaked database reveals no usable secret. */
export const digestSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
