import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A new opaque identifier for any row. */
export const newId = (): string => randomUUID();

/** A new bearer secret (tokens, invitation links): 256 random bits, URL-safe, with a readable prefix. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

/** Secrets are stored only as this digest, so a leaked database reveals no usable secret. */
export const digestSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
