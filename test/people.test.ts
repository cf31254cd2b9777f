import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  managerId: string | null;
  timeZone: string;
  title: string | null;
}

type Problem = { errors?: { path: string; message: string }[] };

const personFields = ["email", "id", "managerId", "name", "role", "timeZone", "title"];

function expectProblem(answer: Answer<unknown>, status: number, path?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (path) expect((answer.body as Problem).errors?.map((error) => error.path)).toContain(path);
}

describe.each(dialects)("people on %s", (dialect) => {
  const h = useHarness(dialect);
  /** The organization's owner and admin, never changed by any test; each test invites the people it changes. */
  let owner: Member & { organizationId: string };
  let admin: Member;
  let stranger: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
    stranger = await founder(h.app, "Xena Outsider");
  });

  const member = (name: string, managerId: string | null = owner.id) =>
    invite(h.app, owner, name, { managerId });
  const person = async (id: string) => (await owner.client.get<Person>(`/api/v1/people/${id}`)).body;
  const patch = (id: string, body: unknown, as: Member = owner) =>
    as.client.patch<Person & Problem>(`/api/v1/people/${id}`, body);

  it("lists everyone in my organization, and only them, with the documented fields", async () => {
    const answer = await admin.client.get<{ items: Person[] }>("/api/v1/people");
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([owner.id, admin.id]));
    expect(ids).not.toContain(stranger.id);
    for (const item of answer.body.items) expect(Object.keys(item).sort()).toEqual(personFields);
    expect(answer.body.items.find((item) => item.id === admin.id)).toEqual({
      id: admin.id,
      name: "Adam Admin",
      email: admin.email,
      role: "admin",
      managerId: owner.id,
      timeZone: "UTC",
      title: null,
    });
  });

  it("gets one person by id, as the list shows them", async () => {
    const one = await owner.client.get<Person>(`/api/v1/people/${admin.id}`);
    expect(one.status).toBe(200);
    const listed = (await owner.client.get<{ items: Person[] }>("/api/v1/people")).body.items;
    expect(one.body).toEqual(listed.find((item) => item.id === admin.id));
    expect(one.body).toMatchObject({ id: admin.id, role: "admin", managerId: owner.id });
  });

  it("answers 404 problem+json for a person who does not exist", async () => {
    expectProblem(await owner.client.get("/api/v1/people/no-such-person"), 404);
    expectProblem(await patch("no-such-person", { title: "Ghost" }), 404);
  });

  it("answers a change with the whole updated person", async () => {
    const ann = await member("Ann Member");
    const changed = await patch(ann.id, { title: "Editor", managerId: admin.id }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...(await person(ann.id)), title: "Editor", managerId: admin.id });
    expect(Object.keys(changed.body).sort()).toEqual(personFields);
  });

  it("sets a manager, and clears it with null", async () => {
    const [ann, ben] = [await member("Ann Member"), await member("Ben Member")];
    const set = await patch(ann.id, { managerId: ben.id });
    expect(set.status).toBe(200);
    expect(set.body.managerId).toBe(ben.id);
    expect((await person(ann.id)).managerId).toBe(ben.id);
    expect((await ann.client.get("/api/v1/me")).body.managerId).toBe(ben.id);

    const cleared = await patch(ann.id, { managerId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.managerId).toBeNull();
    expect((await person(ann.id)).managerId).toBeNull();
  });

  it("refuses a direct cycle (A reports to B, then B to A) with 422 and changes nothing", async () => {
    const [ann, ben] = [await member("Ann Member"), await member("Ben Member")];
    expect((await patch(ann.id, { managerId: ben.id })).status).toBe(200);
    const before = await person(ben.id);

    expectProblem(await patch(ben.id, { managerId: ann.id, title: "Boss of Ann" }), 422, "managerId");
    expect(await person(ben.id)).toEqual(before);
    expect((await person(ann.id)).managerId).toBe(ben.id);
  });

  it("refuses an indirect cycle over three levels with 422 and changes nothing", async () => {
    const [ann, ben, cat] = [
      await member("Ann Member"),
      await member("Ben Member"),
      await member("Cat Member"),
    ];
    expect((await patch(ann.id, { managerId: ben.id })).status).toBe(200);
    expect((await patch(ben.id, { managerId: cat.id })).status).toBe(200);
    const before = await person(cat.id);

    expectProblem(await patch(cat.id, { managerId: ann.id }), 422, "managerId");
    expect(await person(cat.id)).toEqual(before);
    expect((await person(ann.id)).managerId).toBe(ben.id);
    expect((await person(ben.id)).managerId).toBe(cat.id);
  });

  it("never lets two opposite changes made at once close a cycle", async () => {
    const [ann, ben] = [await member("Ann Member"), await member("Ben Member")];
    const answers = await Promise.all([
      patch(ann.id, { managerId: ben.id }),
      patch(ben.id, { managerId: ann.id }, admin),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
    const managers = [(await person(ann.id)).managerId, (await person(ben.id)).managerId];
    expect(managers.filter((id) => id === ann.id || id === ben.id)).toHaveLength(1);
  });

  it("refuses anyone as their own manager with 422", async () => {
    const ann = await member("Ann Member");
    expectProblem(await patch(ann.id, { managerId: ann.id }), 422, "managerId");
    expect((await person(ann.id)).managerId).toBe(owner.id);
  });

  it("refuses a manager from another organization, or one who does not exist, with 422", async () => {
    const ann = await member("Ann Member");
    expectProblem(await patch(ann.id, { managerId: stranger.id }), 422, "managerId");
    expectProblem(await patch(ann.id, { managerId: "no-such-person" }), 422, "managerId");
    expect((await person(ann.id)).managerId).toBe(owner.id);
    expect((await stranger.client.get("/api/v1/people")).body.items).not.toContainEqual(
      expect.objectContaining({ id: ann.id }),
    );
  });

  it("lets an admin make a member admin, and the new role takes effect at once", async () => {
    const ann = await member("Ann Member");
    expect((await ann.client.get("/api/v1/invitations")).status).toBe(403);
    const promoted = await patch(ann.id, { role: "admin" }, admin);
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");
    expect((await ann.client.get("/api/v1/me")).body.role).toBe("admin");
    expect((await ann.client.get("/api/v1/invitations")).status).toBe(200);
  });

  it("lets only an owner grant the owner role", async () => {
    const ann = await member("Ann Member");
    expectProblem(await patch(ann.id, { role: "owner" }, admin), 403);
    expect((await person(ann.id)).role).toBe("member");
    const granted = await patch(ann.id, { role: "owner" });
    expect(granted.status).toBe(200);
    expect((await person(ann.id)).role).toBe("owner");
  });

  it("lets no admin change an owner", async () => {
    const ann = await member("Ann Member");
    expect((await patch(ann.id, { role: "owner" })).status).toBe(200);
    expectProblem(await patch(ann.id, { role: "member" }, admin), 403);
    expectProblem(await patch(ann.id, { title: "Demoted" }, admin), 403);
    expect(await person(ann.id)).toMatchObject({ role: "owner", title: null });
  });

  it("keeps the last owner: demoting them is 422, and allowed once there is a second owner", async () => {
    const solo = await founder(h.app, "Solo Founder");
    expectProblem(await patch(solo.id, { role: "admin" }, solo), 422, "role");
    expect((await solo.client.get("/api/v1/me")).body.role).toBe("owner");

    const second = await invite(h.app, solo, "Second Owner", { role: "owner" });
    const demoted = await patch(solo.id, { role: "member" }, solo);
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe("member");

    // Now the second is the last owner, and is kept in turn.
    expectProblem(await patch(second.id, { role: "admin" }, second), 422, "role");
    expect((await second.client.get("/api/v1/me")).body.role).toBe("owner");
  });

  it("never lets two owners demoting each other at once leave the organization without one", async () => {
    const first = await founder(h.app, "First Owner");
    const second = await invite(h.app, first, "Second Owner", { role: "owner" });
    const answers = await Promise.all([
      patch(second.id, { role: "member" }, first),
      patch(first.id, { role: "member" }, second),
    ]);
    // Changes are serialized per organization and re-read who is asking: the loser is no longer an owner.
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 403]);
    const people = (await first.client.get<{ items: Person[] }>("/api/v1/people")).body.items;
    expect(people.filter((someone) => someone.role === "owner")).toHaveLength(1);
  });

  it("sets a title (trimmed) and clears it with null or an empty string", async () => {
    const ann = await member("Ann Member");
    const set = await patch(ann.id, { title: "  Head of Widgets  " });
    expect(set.status).toBe(200);
    expect(set.body.title).toBe("Head of Widgets");
    expect((await person(ann.id)).title).toBe("Head of Widgets");

    const cleared = await patch(ann.id, { title: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.title).toBeNull();
    expect((await person(ann.id)).title).toBeNull();

    expect((await patch(ann.id, { title: "Editor" })).status).toBe(200);
    expect((await patch(ann.id, { title: "" })).body.title).toBeNull();
  });

  it("refuses unknown fields, wrong types and an overlong title with 400, changing nothing", async () => {
    const ann = await member("Ann Member");
    const before = await person(ann.id);
    expectProblem(await patch(ann.id, { title: "Editor", email: "new@example.com" }), 400, "email");
    expectProblem(await patch(ann.id, { role: "superuser" }), 400, "role");
    expectProblem(await patch(ann.id, { managerId: 42 }), 400, "managerId");
    expectProblem(await patch(ann.id, { title: "x".repeat(121) }), 400, "title");
    expect(await person(ann.id)).toEqual(before);
  });
});
