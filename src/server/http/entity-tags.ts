/**
 * Entity tags for reads that can be revalidated (`If-None-Match` → 304). A tag is weak and names
 * the instant until which the read stays true while only time passes, then a digest of what it was
 * read from (the versions of the rows behind it, the address asked, the shape of the answer). Whoever
 * sends a tag back only ever learns "unchanged": the reader is authorized before any comparison.
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/** At most this many tags of one header are looked at, each at most this long: bounded work. */
const mostTags = 16;
const longestTag = 128;

/** Where a read was asked for (its path and query) and the tags the caller already holds. */
export interface Revalidation {
  address: string;
  known: readonly string[];
}

/** The revalidation a request asks for: its address, and the tags of its `If-None-Match`. */
export function revalidationOf(request: FastifyRequest): Revalidation {
  return { address: request.url, known: tagsOf(request) };
}

/** What an answer that may be revalidated is: a fresh body and its tag, or "unchanged" and the tag. */
export type Revalidated<T> = { body: T; tag: string } | { unchanged: true; tag: string };

/** The tags an `If-None-Match` header names, as sent (weak or strong). */
function tagsOf(request: FastifyRequest): string[] {
  const header = request.headers["if-none-match"];
  if (typeof header !== "string" || header === "") return [];
  const tags: string[] = [];
  for (const part of header.split(",", mostTags)) {
    const tag = part.trim();
    if (tag.length > 0 && tag.length <= longestTag) tags.push(tag);
  }
  return tags;
}

/** The tag of a read that stays true until `until` (epoch ms), read from `parts`. */
export function tagOf(until: number, parts: readonly (string | number)[]): string {
  const digest = createHash("sha256")
    .update(`${until}\u0000${parts.join("\u0000")}`)
    .digest("base64url");
  return `W/"${until.toString(36)}.${digest.slice(0, 22)}"`;
}

/**
 * The tag among `known` that a read from `parts` would still answer with at `now`, if any: its
 * instant has not passed and its digest is the one `parts` give today.
 */
export function unchangedTag(
  known: readonly string[],
  now: Date,
  parts: readonly (string | number)[],
): string | undefined {
  for (const sent of known) {
    const match = /^(?:W\/)?"([0-9a-z]{1,12})\.[A-Za-z0-9_-]{22}"$/.exec(sent);
    if (!match?.[1]) continue;
    const until = Number.parseInt(match[1], 36);
    if (!(until > now.getTime())) continue;
    const tag = tagOf(until, parts);
    if (tag === sent || tag === `W/${sent}`) return tag;
  }
  return undefined;
}

/** The 304 answer's schema: no body. */
export const unchanged = z
  .null()
  .meta({ description: "Unchanged since the tag sent in `If-None-Match`: no body." });

/**
 * Sends a revalidated read: 304 with no body when unchanged, else the body. Either way with its tag,
 * and asking caches to revalidate each time (the answer is one person's: never a shared cache's).
 */
export function sendRevalidated<T>(reply: FastifyReply, read: Revalidated<T>): FastifyReply | T {
  reply.header("etag", read.tag).header("cache-control", "private, no-cache");
  if ("unchanged" in read) return reply.code(304).send();
  return read.body;
}

/** A digest of an answer's JSON schema: a tag made by an older release never matches a newer one's answer. */
export function shapeOf(schema: unknown): string {
  return createHash("sha256").update(JSON.stringify(schema)).digest("base64url").slice(0, 12);
}
