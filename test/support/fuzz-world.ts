import { expect } from "vitest";
import { founder, invite, type Member, signUp } from "./factories";
import type { FuzzWorld } from "./fuzz";
import type { Harness } from "./harness";
import { addTask, addTasks, changeTask } from "./tasks";

/** Expects a 2xx and gives back the body. */
export async function ok<T = { id: string }>(answer: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body as T;
}

/**
 * What the write routes are fuzzed against. Our organization: an owner; Sam, Pat and Ivan under her;
 * Al, whose profile sits at the edges the schema allows (away until 9999-12-31, west of UTC); Sam's
 * plate with open, done and triage tasks; requests, invitations and tokens, live and spent. Lou, in
 * no organization yet. Another organization (Xena, Xavier) with a task, a request, an invitation,
 * a token and inbox entries, so that foreign ids exist. `world.live` holds the things a successful
 * call uses up, refreshed by the `new…` functions.
 */
export async function buildWorld(h: Harness) {
  const world: FuzzWorld = { callers: {}, live: {} };
  const owner = await founder(h.app, "Olivia Owner");
  const sam = await invite(h.app, owner, "Sam Self", { managerId: owner.id });
  const pat = await invite(h.app, owner, "Pat Peer", { managerId: owner.id });
  const ivan = await invite(h.app, owner, "Ivan Asker", { managerId: owner.id });
  const al = await invite(h.app, owner, "Al Away", { managerId: owner.id });
  const edge = { timeZone: "America/Los_Angeles", away: { from: "2000-01-01", until: "9999-12-31" } };
  await ok(al.client.patch("/api/v1/me", edge));
  const loner = await signUp(h.app, "Lou Loner");
  const xena = await founder(h.app, "Xena Outsider");
  const xavier = await invite(h.app, xena, "Xavier Foreign", { managerId: xena.id });
  world.callers = {
    owner: owner.client,
    sam: sam.client,
    pat: pat.client,
    ivan: ivan.client,
    loner: loner.client,
  };

  const open = (await addTasks(sam, sam.id, ["One", "Two", "Three", "Four"])).map((task) => task.id);
  const done = await changeTask(sam, await addTask(sam, sam.id, { title: "Done" }), { state: "done" });
  const patTask = await addTask(pat, pat.id, { title: "Pat's own" });
  const alTask = await addTask(owner, al.id, { title: "Al's" });

  const request = async (as: Member, assigneeIds: string[]) =>
    (await ok(as.client.post("/api/v1/requests", { title: "Please review", assigneeIds }))).id;
  const invitation = (as: Member) => {
    const email = `invitee-${Math.random().toString(36).slice(2)}@example.com`;
    return ok<{ id: string; token: string }>(as.client.post("/api/v1/invitations", { email }));
  };
  const token = async (as: Member) => (await ok(as.client.post("/api/v1/tokens", { name: "ci" }))).id;
  const refresh = {
    async triage() {
      const task = await addTask(ivan, sam.id, { title: "Could you?" });
      expect(task.state).toBe("triage");
      world.live.triage = task.id;
    },
    async request() {
      world.live.request = await request(owner, [sam.id, pat.id]);
    },
    async invitation() {
      const made = await invitation(owner);
      world.live.invitation = made.id;
      world.live.inviteToken = made.token;
    },
    async token() {
      world.live.token = await token(sam);
    },
    async loner() {
      world.callers.loner = (await signUp(h.app, "Lou Loner")).client;
    },
  };
  const canceled = await request(owner, [sam.id, pat.id]);
  await ok(owner.client.post(`/api/v1/requests/${canceled}/cancel`, { reason: "Not needed" }));
  const revoked = await invitation(owner);
  await ok(owner.client.delete(`/api/v1/invitations/${revoked.id}`));
  const ownerToken = await token(owner);
  for (const make of [refresh.triage, refresh.request, refresh.invitation, refresh.token]) await make();

  const foreign = {
    organization: xena.organizationId,
    people: [xavier.id, xena.id],
    task: (await addTask(xena, xavier.id, { title: "Foreign" })).id,
    request: await request(xena, [xavier.id]),
    invitation: (await invitation(xena)).id,
    token: await token(xavier),
  };
  const entries = async (...people: string[]) =>
    (await h.ctx.db.selectFrom("inbox_entry").select("id").where("person_id", "in", people).execute()).map(
      (row) => row.id,
    );
  const inbox = { sam: await entries(sam.id), others: await entries(owner.id, xavier.id) };
  expect(inbox.sam.length).toBeGreaterThan(0);
  expect(inbox.others.length).toBeGreaterThan(0);

  return {
    world,
    refresh,
    people: { owner, sam, pat, ivan, al, loner, xavier },
    tasks: { open, done: done.id, pat: patTask.id, al: alTask.id },
    spent: { request: canceled, invitation: revoked, ownerToken },
    foreign,
    inbox,
  };
}
