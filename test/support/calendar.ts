import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { type Answer, Client } from "./client";
import { baseUrl } from "./harness";
import { type ParsedFeed, parseFeed } from "./ics";
import type { Caller } from "./tasks";

export interface FeedAddress {
  url: string;
  /** The address without the server's origin, as `app.inject` takes it. */
  path: string;
}

/** Makes `as` a new calendar address, expecting 201 with an absolute URL of this server. */
export async function newFeedAddress(as: Caller): Promise<FeedAddress> {
  const answer = await as.client.post<{ url: string }>("/api/v1/me/calendar");
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.url).toMatch(new RegExp(`^${baseUrl}/api/v1/feeds/[A-Za-z0-9_-]{40,}\\.ics$`));
  return { url: answer.body.url, path: answer.body.url.slice(baseUrl.length) };
}

/** Fetches a feed's address with no cookie and no token, as a calendar app does. */
export const fetchFeed = (app: FastifyInstance, path: string): Promise<Answer<string>> =>
  new Client(app).get<string>(path);

/** Reads a feed that works (200), parsed by ical.js. */
export async function readFeed(app: FastifyInstance, path: string): Promise<ParsedFeed & { text: string }> {
  const answer = await fetchFeed(app, path);
  expect(answer.status, String(answer.body)).toBe(200);
  return { ...parseFeed(answer.body), text: answer.body };
}
