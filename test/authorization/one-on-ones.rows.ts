import { expect } from "vitest";
import { uniqueEmail } from "../support/factories";
import { type Series, weeklyTuesday } from "../support/one-on-ones";
import {
  actorIdIn,
  freshOneOnOne,
  freshSelf,
  idOf,
  ids,
  inOneOnOne,
  meetingNow,
  newcomerActsAsSelf,
  ok,
  pointNow,
  type Row,
  row,
  samsPoint,
  subjectActsAsSelf,
} from "./table";

export const rows: Row<unknown>[] = [
  row({
    route: "POST /one-on-ones (with a newcomer beside Sam)",
    // Anyone of the organization may set one up with a colleague; the newcomer with themselves is a 422.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 201, owner: 201 },
    subject: freshSelf,
    actor: subjectActsAsSelf,
    call: (client, fresh) => client.post("/api/v1/one-on-ones", { withId: fresh.id, cadence: weeklyTuesday }),
    verify: async (answer, fresh, relation, w) => {
      const theirs = await fresh.client.get<{ items: Series[] }>("/api/v1/one-on-ones");
      const pairs = theirs.body.items.map((series) => [...series.participantIds].sort());
      expect(pairs).toEqual(ok(answer) ? [[fresh.id, idOf(w, relation)].sort()] : []);
    },
  }),
  row({
    route: "GET /one-on-ones (Sam's with Manny)",
    // Everyone signed in gets their own list; only Sam's and Manny's hold theirs.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.oneOnOne,
    call: (client) => client.get("/api/v1/one-on-ones"),
    verify: (answer, series, relation) => {
      if (ok(answer)) expect(ids(answer).includes(series.id)).toBe(inOneOnOne.includes(relation));
    },
  }),
  row({
    route: "GET /one-on-ones/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.oneOnOne,
    call: (client, series) => client.get(`/api/v1/one-on-ones/${series.id}`),
    verify: (answer, series) => {
      if (ok(answer))
        expect(answer.body).toMatchObject({ id: series.id, nextMeeting: { id: series.nextMeeting?.id } });
    },
  }),
  row({
    route: "PATCH /one-on-ones/{id} (cadence)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { series }) =>
      client.patch(`/api/v1/one-on-ones/${series.id}`, { cadence: { ...weeklyTuesday, time: "11:00" } }),
    verify: async (answer, { fresh, series }) => {
      const now = await fresh.client.get<Series>(`/api/v1/one-on-ones/${series.id}`);
      expect(now.body.cadence.time).toBe(ok(answer) ? "11:00" : "10:00");
    },
  }),
  row({
    route: "GET /one-on-ones/{id}/meetings",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.oneOnOne,
    call: (client, series) => client.get(`/api/v1/one-on-ones/${series.id}/meetings?when=upcoming`),
    verify: (answer, series) => {
      if (ok(answer)) expect(ids(answer)).toContain(series.nextMeeting?.id);
    },
  }),
  row({
    route: "GET /meetings/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.meeting,
    call: (client, meeting) => client.get(`/api/v1/meetings/${meeting.id}`),
    verify: (answer, meeting) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: meeting.id, seriesId: meeting.seriesId });
    },
  }),
  row({
    route: "PATCH /meetings/{id} (shared notes)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { meeting }, relation) =>
      client.patch(`/api/v1/meetings/${meeting.id}`, {
        version: meeting.version,
        sharedNotes: `By ${relation}`,
      }),
    verify: async (answer, { fresh, meeting }, relation, w) => {
      const now = await meetingNow(w, meeting.id, fresh);
      expect(now).toMatchObject({
        sharedNotes: ok(answer) ? `By ${relation}` : "",
        version: ok(answer) ? meeting.version + 1 : meeting.version,
      });
    },
  }),
  row({
    route: "POST /meetings/{id}/talking-points",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: () => `Raised ${uniqueEmail("point")}`,
    call: (client, text, _, w) => client.post(`/api/v1/meetings/${w.meeting.id}/talking-points`, { text }),
    verify: async (answer, text, relation, w) => {
      const points = (await meetingNow(w, w.meeting.id)).talkingPoints.filter((point) => point.text === text);
      expect(points.map((point) => point.authorId)).toEqual(ok(answer) ? [idOf(w, relation)] : []);
    },
  }),
  row({
    route: "PATCH /talking-points/{id} (tick Sam's)",
    // Either of the pair may tick a point.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point) => client.patch(`/api/v1/talking-points/${point.id}`, { discussed: true }),
    verify: async (answer, point, _, w) => {
      expect((await pointNow(w, point.id))?.discussed).toBe(ok(answer));
    },
  }),
  row({
    route: "PATCH /talking-points/{id} (reword Sam's)",
    // Only its author may reword a point; the other of the pair sees it, so 403.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 403, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point, relation) =>
      client.patch(`/api/v1/talking-points/${point.id}`, { text: `Reworded by ${relation}` }),
    verify: async (answer, point, relation, w) => {
      expect((await pointNow(w, point.id))?.text).toBe(ok(answer) ? `Reworded by ${relation}` : point.text);
    },
  }),
  row({
    route: "DELETE /talking-points/{id} (Sam's)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 403, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point) => client.delete(`/api/v1/talking-points/${point.id}`),
    verify: async (answer, point, _, w) => {
      expect(await pointNow(w, point.id)).toEqual(
        ok(answer) ? undefined : expect.objectContaining({ id: point.id }),
      );
    },
  }),
  row({
    route: "GET /meetings/{id}/private-note (Sam's)",
    // Read by its author alone: Manny, who wrote none there, gets 404 like everyone else.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.meeting,
    call: (client, meeting) => client.get(`/api/v1/meetings/${meeting.id}/private-note`),
    verify: (answer, _, relation, w) => {
      if (ok(answer)) {
        expect(answer.body).toMatchObject({ text: w.selfNote });
        expect(answer.headers["cache-control"]).toBe("private, no-store");
      }
      if (relation !== "self") expect(JSON.stringify(answer.body)).not.toContain(w.selfNote);
    },
  }),
  row({
    route: "PUT /meetings/{id}/private-note",
    // Each of the pair writes their own; nobody else writes one at all.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { meeting }, relation) =>
      client.put(`/api/v1/meetings/${meeting.id}/private-note`, { text: `Noted by ${relation}` }),
    verify: async (answer, subject, relation, w) => {
      const notes = await w.h.ctx.db
        .selectFrom("private_note")
        .select(["author_id", "text"])
        .where("meeting_id", "=", subject.meeting.id)
        .execute();
      expect(notes).toEqual(
        ok(answer) ? [{ author_id: actorIdIn(w, relation, subject), text: `Noted by ${relation}` }] : [],
      );
    },
  }),
  row({
    route: "POST /meetings/{id}/action-items (for Sam)",
    // Either of the pair may add one; both may place on Sam's plate.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: () => `Action ${uniqueEmail("item")}`,
    call: (client, title, _, w) =>
      client.post(`/api/v1/meetings/${w.meeting.id}/action-items`, { title, ownerId: w.self.id }),
    verify: async (answer, title, _, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("task")
        .select(["state", "meeting_id"])
        .where("title", "=", title)
        .execute();
      expect(stored).toEqual(ok(answer) ? [{ state: "open", meeting_id: w.meeting.id }] : []);
    },
  }),
];
