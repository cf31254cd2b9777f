import { expect } from "vitest";
import { type FeedAddress, fetchFeed, newFeedAddress } from "../support/calendar";
import type { Client } from "../support/client";
import { parseFeed } from "../support/ics";
import { freshSelf, ok, type Relation, type Row, row, subjectActsAsSelf, type World } from "./table";

/** A newcomer standing in for Sam Self, with a calendar address of their own. */
interface WithFeed {
  id: string;
  name: string;
  client: Client;
  address: FeedAddress;
}

async function samWithFeed(w: World): Promise<WithFeed> {
  const fresh = await freshSelf(w);
  return { ...fresh, address: await newFeedAddress(fresh) };
}

const nameOf = (w: World, relation: Relation, subject: WithFeed) =>
  relation === "self" ? subject.name : relation === "anonymous" ? "" : w[relation].name;

/** Whose calendar an address opens, by the calendar's name; null when it opens none. */
async function calendarOwner(w: World, path: string): Promise<string | null> {
  const answer = await fetchFeed(w.h.app, path);
  if (answer.status === 404) return null;
  expect(answer.status).toBe(200);
  return parseFeed(String(answer.body)).calendar["x-wr-calname"] ?? "";
}

export const rows: Row<unknown>[] = [
  row<WithFeed>({
    route: "POST /me/calendar",
    // Everyone signed in makes their own address; only Sam's own replaces Sam's.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 201, anonymous: 401, admin: 201, owner: 201 },
    subject: samWithFeed,
    actor: subjectActsAsSelf,
    call: (client) => client.post("/api/v1/me/calendar"),
    verify: async (answer, sam, relation, w) => {
      if (ok(answer)) {
        const url = String(answer.body.url);
        expect(await calendarOwner(w, new URL(url).pathname)).toBe(`Docket: ${nameOf(w, relation, sam)}`);
      }
      const sams = await calendarOwner(w, sam.address.path);
      expect(sams).toBe(relation === "self" ? null : `Docket: ${sam.name}`);
    },
  }),
  row<WithFeed>({
    route: "GET /me/calendar",
    // Everyone reads whether they have an address of their own; never the address itself.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: samWithFeed,
    actor: subjectActsAsSelf,
    call: (client) => client.get("/api/v1/me/calendar"),
    verify: (answer, _, relation) => {
      if (!ok(answer)) return;
      expect(Object.keys(answer.body).sort()).toEqual(["active", "createdAt"]);
      if (relation === "self")
        expect(answer.body).toMatchObject({ active: true, createdAt: expect.any(String) });
    },
  }),
  row<WithFeed>({
    route: "DELETE /me/calendar",
    // Everyone stops their own feed (none is fine); only Sam stops Sam's.
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 204, grand: 204, peer: 204, branch: 204, outsider: 204, anonymous: 401, admin: 204, owner: 204 },
    subject: samWithFeed,
    actor: subjectActsAsSelf,
    call: (client) => client.delete("/api/v1/me/calendar"),
    verify: async (_, sam, relation, w) => {
      expect(await calendarOwner(w, sam.address.path)).toBe(
        relation === "self" ? null : `Docket: ${sam.name}`,
      );
    },
  }),
  row<WithFeed>({
    route: "GET /feeds/{Sam's secret}.ics",
    // The address is the credential: whoever holds it reads Sam's calendar, signed in or not.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 200, admin: 200, owner: 200 },
    subject: samWithFeed,
    actor: subjectActsAsSelf,
    call: (client, sam) => client.get(sam.address.path),
    verify: (answer, sam) => {
      expect(parseFeed(String(answer.body)).calendar["x-wr-calname"]).toBe(`Docket: ${sam.name}`);
    },
  }),
  row<WithFeed>({
    route: "GET /feeds/{Sam's replaced secret}.ics",
    // A replaced address opens nothing, for Sam too.
    // biome-ignore format: the table reads best on one line
    expected: { self: 404, manager: 404, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 404, admin: 404, owner: 404 },
    subject: async (w) => {
      const sam = await samWithFeed(w);
      await newFeedAddress(sam);
      return sam;
    },
    actor: subjectActsAsSelf,
    call: (client, sam) => client.get(sam.address.path),
  }),
];
