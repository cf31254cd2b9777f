import { describe, expect, it } from "vitest";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, goodPassword, invite, signUp, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";
import { sendRequest, storedByTitle } from "./support/requests";
import { addTask, expectProblem, patchTask, taskOf } from "./support/tasks";

/** The name the security review sent: long, with a mail header after a line break. */
const injectedName = `${"A".repeat(5000)}\r\nBcc: everyone@example.com`;

describe.each(dialects)("one validation for every name and title on %s", (dialect) => {
  const h = useHarness(dialect);

  const personRow = (id: string) =>
    h.ctx.db
      .selectFrom("person")
      .select(["name", "image", "role", "organization_id", "manager_id", "title", "created_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  describe("better-auth's routes", () => {
    it("refuses the 5,000-character name with an injected header on update-user, and keeps the name", async () => {
      const ada = await signUp(h.app, "Ada Lovelace");
      const answer = await ada.client.post("/api/auth/update-user", { name: injectedName });
      const problem = expectProblem(answer, 400, "name");
      expect(problem.detail).toMatch(/name must/);
      expect((await personRow(ada.id)).name).toBe("Ada Lovelace");
    });

    it("refuses a line break or control character in a name on update-user", async () => {
      const ada = await signUp(h.app, "Ada Lovelace");
      for (const name of ["Ada\nBcc: x@example.com", "Ada\u0000", "Ada\u202Eecalevol"]) {
        expectProblem(await ada.client.post("/api/auth/update-user", { name }), 400, "name");
      }
      expect((await personRow(ada.id)).name).toBe("Ada Lovelace");
    });

    it("trims a good name on update-user, as PATCH /me does", async () => {
      const ada = await signUp(h.app, "Ada Lovelace");
      const answer = await ada.client.post("/api/auth/update-user", { name: "  Ada King  " });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect((await personRow(ada.id)).name).toBe("Ada King");
    });

    it("refuses Docket's own columns and better-auth's timestamps on update-user, writing nothing", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      const member = await invite(h.app, owner, "Mo Member");
      const before = await personRow(member.id);
      for (const [field, value] of [
        ["role", "owner"],
        ["organizationId", null],
        ["organization_id", null],
        ["managerId", null],
        ["title", "CEO"],
        ["createdAt", "2000-01-01T00:00:00.000Z"],
        ["emailVerified", true],
      ] as const) {
        const answer = await member.client.post("/api/auth/update-user", {
          name: "Mo Renamed",
          [field]: value,
        });
        expectProblem(answer, 400, field);
      }
      expect(await personRow(member.id)).toEqual(before);
      const me = await member.client.get("/api/v1/me");
      expect(me.body).toMatchObject({
        role: "member",
        organizationId: owner.organizationId,
        name: "Mo Member",
      });
    });

    it("keeps no picture a person sends", async () => {
      const ada = await signUp(h.app, "Ada Lovelace");
      const answer = await ada.client.post("/api/auth/update-user", { image: "x".repeat(100_000) });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect((await personRow(ada.id)).image).toBeNull();
    });

    it("refuses the injected name on sign-up, and creates no account", async () => {
      const email = uniqueEmail("mallory");
      const answer = await new Client(h.app).post("/api/auth/sign-up/email", {
        name: injectedName,
        email,
        password: goodPassword,
      });
      expectProblem(answer, 400, "name");
      expect(answer.headers["set-cookie"]).toBeUndefined();
      const rows = await h.ctx.db.selectFrom("person").select("id").where("email", "=", email).execute();
      expect(rows).toEqual([]);
    });

    it("refuses a blank name and a name with a tab on sign-up", async () => {
      for (const name of ["   ", "Tab\there"]) {
        const email = uniqueEmail();
        const answer = await new Client(h.app).post("/api/auth/sign-up/email", {
          name,
          email,
          password: goodPassword,
        });
        expectProblem(answer, 400, "name");
        const rows = await h.ctx.db.selectFrom("person").select("id").where("email", "=", email).execute();
        expect(rows).toEqual([]);
      }
    });

    it("refuses a sign-up that sets a column of its own choosing", async () => {
      const email = uniqueEmail();
      const answer = await new Client(h.app).post("/api/auth/sign-up/email", {
        name: "Early Bird",
        email,
        password: goodPassword,
        createdAt: "2000-01-01T00:00:00.000Z",
      });
      expectProblem(answer, 400, "createdAt");
      const rows = await h.ctx.db.selectFrom("person").select("id").where("email", "=", email).execute();
      expect(rows).toEqual([]);
    });

    it("trims the name on sign-up", async () => {
      const ada = await signUp(h.app, "  Ada Lovelace ");
      expect((await personRow(ada.id)).name).toBe("Ada Lovelace");
    });
  });

  describe("Docket's routes", () => {
    it("refuses the injected name on PATCH /me and on accepting an invitation", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      expectProblem(await owner.client.patch("/api/v1/me", { name: injectedName }), 400, "name");
      expect((await personRow(owner.id)).name).toBe("Olivia Owner");

      const email = uniqueEmail();
      const invitation = await owner.client.post<{ token: string }>("/api/v1/invitations", { email });
      const accepted = await new Client(h.app).post(`/api/v1/invitations/${invitation.body.token}/accept`, {
        name: "Eve\r\nBcc: everyone@example.com",
        password: goodPassword,
      });
      expectProblem(accepted, 400, "name");
      const rows = await h.ctx.db.selectFrom("person").select("id").where("email", "=", email).execute();
      expect(rows).toEqual([]);
    });

    it("refuses an organization name with a line break, on create and on rename", async () => {
      const ada = await signUp(h.app, "Ada Lovelace");
      const name = "Acme\r\nBcc: everyone@example.com";
      expectProblem(await ada.client.post("/api/v1/organizations", { name }), 400, "name");
      expect((await ada.client.get("/api/v1/me")).body).toMatchObject({ organizationId: null });
      const organizations = await h.ctx.db
        .selectFrom("organization")
        .select("id")
        .where("name", "=", name)
        .execute();
      expect(organizations).toEqual([]);

      const owner = await founder(h.app, "Olivia Owner");
      const renamed = await owner.client.patch(`/api/v1/organizations/${owner.organizationId}`, {
        name: "Acme\nInc",
      });
      expectProblem(renamed, 400, "name");
      const organization = await owner.client.get(`/api/v1/organizations/${owner.organizationId}`);
      expect(organization.body).toMatchObject({ name: "Olivia Owner's company" });
    });

    it("refuses control characters in a task title, on add and on edit", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      for (const title of [
        "Pay\u0007 the bills",
        "Pay\nthe bills",
        "Pay \u001b[2J the bills",
        "Pay\u0085bills",
      ]) {
        expectProblem(await owner.client.post(`/api/v1/people/${owner.id}/tasks`, { title }), 400, "title");
      }
      const task = await addTask(owner, owner.id, { title: "Pay the bills" });
      expectProblem(
        await patchTask(owner, task.id, { version: task.version, title: "Pay\r\nthe bills" }),
        400,
        "title",
      );
      expect(await taskOf(owner, task.id)).toMatchObject({ title: "Pay the bills", version: task.version });
      const stored = await h.ctx.db
        .selectFrom("task")
        .select("title")
        .where("owner_id", "=", owner.id)
        .execute();
      expect(stored.map((row) => row.title)).toEqual(["Pay the bills"]);
    });

    it("refuses control characters in a reason", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      const task = await addTask(owner, owner.id, { title: "Maybe" });
      const dropped = await patchTask(owner, task.id, {
        version: task.version,
        state: "dropped",
        dropReason: "no longer\r\nBcc: x@example.com",
      });
      expectProblem(dropped, 400, "dropReason");
      expect(await taskOf(owner, task.id)).toMatchObject({ state: "open", version: task.version });
    });

    it("refuses control characters in a request title, and sends nothing", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      const report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
      const title = "Update your pipeline\r\nBcc: everyone@example.com";
      const answer = await owner.client.post("/api/v1/requests", { title, assigneeIds: [report.id] });
      expectProblem(answer, 400, "title");
      expect(await storedByTitle(h, title)).toEqual({ requests: [], tasks: [] });
    });

    it("refuses control characters in a person's title, and keeps the one they had", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      const report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
      expect((await owner.client.patch(`/api/v1/people/${report.id}`, { title: "Sales lead" })).status).toBe(
        200,
      );
      for (const title of ["Head of\nSales", "Head\u0000", "Head\u2028of Sales"]) {
        expectProblem(await owner.client.patch(`/api/v1/people/${report.id}`, { title }), 400, "title");
      }
      expect((await personRow(report.id)).title).toBe("Sales lead");
    });

    it("keeps the line breaks and tabs of notes, on tasks and requests", async () => {
      const owner = await founder(h.app, "Olivia Owner");
      const report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
      const notes = "Steps:\n\t1. draft\n\t2. send\n\nThanks!";
      const task = await addTask(owner, owner.id, { title: "With notes", notes });
      expect(task.notes).toBe(notes);
      expect((await taskOf(owner, task.id)).notes).toBe(notes);
      const request = await sendRequest(owner, { title: "Read this", notes, assigneeIds: [report.id] });
      expect(request.notes).toBe(notes);
      const crlf = await addTask(owner, owner.id, { title: "Windows notes", notes: "one\r\ntwo" });
      expect(crlf.notes).toBe("one\ntwo");
      expectProblem(
        await owner.client.post(`/api/v1/people/${owner.id}/tasks`, {
          title: "Bad notes",
          notes: "clear \u001b[2J screen",
        }),
        400,
        "notes",
      );
    });
  });
});
