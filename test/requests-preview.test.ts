import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  myRequests,
  postRequest,
  previewFor,
  requestOf,
  sendRequest,
  storedByTitle,
} from "./support/requests";
import { addTask, changeTask, expectProblem, plateRows, setTimeZone } from "./support/tasks";

describe.each(dialects)("request preview and validation on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  /**
   *   owner ─┬─ manny ─┬─ sam
   *          │         └─ pat ── rita
   *          └─ lead ── bo (other branch)
   */
  async function team() {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const pat = await newcomer("Pat Peer", manny.id);
    const rita = await newcomer("Rita Report", pat.id);
    const lead = await newcomer("Bea Branchlead");
    const bo = await newcomer("Bo Branch", lead.id);
    return { manny, sam, pat, rita, lead, bo };
  }

  describe("preview", () => {
    it("shows the load of the people whose plate the caller sees, in their own zone, and where the task would land", async () => {
      // Wednesday 12 June 2030, noon UTC: already Thursday in Auckland, still Wednesday morning in Los Angeles.
      h.clock.set("2030-06-12T12:00:00.000Z");
      const { manny, sam, pat, rita, bo } = await team();
      await setTimeZone(sam, "Pacific/Auckland");
      await setTimeZone(pat, "America/Los_Angeles");
      // Sunday 20:00 UTC is next Monday morning in Auckland, but still this Sunday in Los Angeles.
      const lateSunday = { at: "2030-06-16T20:00:00.000Z" };
      await addTask(sam, sam.id, { title: "Overdue", due: { at: "2030-06-12T11:00:00.000Z" } });
      await addTask(sam, sam.id, { title: "Late Sunday", due: lateSunday });
      await addTask(sam, sam.id, { title: "Undated" });
      const finished = await addTask(sam, sam.id, {
        title: "Finished",
        due: { at: "2030-06-12T11:00:00.000Z" },
      });
      await changeTask(sam, finished, { state: "done" });
      await addTask(bo, sam.id, { title: "In triage", due: { at: "2030-06-12T11:00:00.000Z" } });
      await addTask(pat, pat.id, { title: "Late Sunday", due: lateSunday });

      const answer = await previewFor(manny, `ids=${bo.id}&groups=everyone_below`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.items).toEqual([
        // Bo's plate is his chain's to see, not Manny's.
        {
          personId: bo.id,
          name: "Bo Branch",
          timeZone: "UTC",
          load: null,
          lands: "triage",
        },
        {
          personId: pat.id,
          name: "Pat Peer",
          timeZone: "America/Los_Angeles",
          load: { open: 1, dueThisWeek: 1, overdue: 0 },
          lands: "plate",
        },
        {
          personId: rita.id,
          name: "Rita Report",
          timeZone: "UTC",
          load: { open: 0, dueThisWeek: 0, overdue: 0 },
          lands: "plate",
        },
        {
          personId: sam.id,
          name: "Sam Self",
          timeZone: "Pacific/Auckland",
          load: { open: 3, dueThisWeek: 1, overdue: 1 },
          lands: "plate",
        },
      ]);

      // From Pat: Sam is a peer (triage), Rita reports to Pat (plate).
      const fromPat = await previewFor(pat, `ids=${sam.id},${rita.id}`);
      expect(fromPat.status, JSON.stringify(fromPat.body)).toBe(200);
      expect(fromPat.body.items.map((item) => [item.personId, item.lands, item.load])).toEqual([
        [rita.id, "plate", { open: 0, dueThisWeek: 0, overdue: 0 }],
        [sam.id, "triage", null],
      ]);
      // Previewing writes nothing.
      expect(await myRequests(manny)).toEqual([]);
    });

    it("shows a person's load only to those who may see their plate: not to peers, other branches or admins", async () => {
      h.clock.set("2030-06-12T12:00:00.000Z");
      const { manny, sam, pat, lead, bo } = await team();
      const admin = await invite(h.app, owner, "Ada Admin", { role: "admin", managerId: lead.id });
      await addTask(sam, sam.id, { title: "Overdue", due: { at: "2030-06-12T11:00:00.000Z" } });
      await addTask(sam, sam.id, { title: "Undated" });
      const samsLoad = { open: 2, dueThisWeek: 1, overdue: 1 };
      const loadOfSam = async (viewer: Member) => {
        const answer = await previewFor(viewer, `ids=${sam.id}`);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body.items).toHaveLength(1);
        return answer.body.items[0]?.load;
      };
      for (const chain of [sam, manny, owner]) expect(await loadOfSam(chain)).toEqual(samsLoad);
      for (const stranger of [pat, bo, lead, admin]) expect(await loadOfSam(stranger)).toBeNull();
    });

    it("refuses unknown and other-organization people with 422 on assigneeIds, and bad groups", async () => {
      const { manny, sam } = await team();
      expectProblem(await previewFor(manny, `ids=${sam.id},no-such-person`), 422, "assigneeIds");
      expectProblem(await previewFor(manny, `ids=${sam.id},${outsider.id}`), 422, "assigneeIds");
      expectProblem(await previewFor(manny, "groups=everyone"), 400, "groups");
    });

    it("previews nobody as an empty list: no one named, or groups with nobody in them", async () => {
      const { sam } = await team();
      for (const query of ["", "groups=direct_reports", "groups=direct_reports,everyone_below"]) {
        const answer = await previewFor(sam, query);
        expect(answer.status, query).toBe(200);
        expect(answer.body).toEqual({ items: [] });
      }
    });
  });

  describe("validation", () => {
    it("refuses bad bodies with 400 naming the field, writing nothing", async () => {
      const { manny, sam, pat } = await team();
      const title = `Refused ${dialect}`;
      const before = await plateRows(h, sam.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ title: "", assigneeIds: [sam.id] }, "title"],
        [{ title: "   ", assigneeIds: [sam.id] }, "title"],
        [{ title }, "assigneeIds"],
        [{ title, assigneeIds: [] }, "assigneeIds"],
        [{ title, assigneeIds: [], groups: [] }, "assigneeIds"],
        [{ title, assigneeIds: [sam.id, pat.id, sam.id] }, "assigneeIds"],
        [{ title, assigneeIds: [sam.id], groups: ["everyone"] }, "groups.0"],
        [{ title, assigneeIds: [sam.id], due: { date: "tomorrow" } }, "due.date"],
        [{ title, assigneeIds: sam.id }, "assigneeIds"],
      ];
      for (const [body, path] of cases) expectProblem(await postRequest(manny, body), 400, path);
      expectProblem(await postRequest(manny, { title, assigneeIds: [sam.id], urgent: true }), 400);
      expectProblem(await postRequest(manny, { title, assigneeIds: [sam.id], placement: "top" }), 400);
      expect(await storedByTitle(h, title)).toEqual({ requests: [], tasks: [] });
      expect(await myRequests(manny)).toEqual([]);
      expect(await plateRows(h, sam.id)).toEqual(before);
    });

    it("refuses people outside the organization, or unknown, with 422 on assigneeIds, writing nothing", async () => {
      const { manny, sam } = await team();
      const title = `Across organizations ${dialect}`;
      const before = await plateRows(h, sam.id);
      for (const stranger of [outsider.id, "no-such-person"]) {
        const refused = expectProblem(
          await postRequest(manny, { title, assigneeIds: [sam.id, stranger] }),
          422,
          "assigneeIds",
        );
        expect(JSON.stringify(refused.errors)).toContain(stranger);
      }
      // The outsider cannot send to people of another organization either.
      expectProblem(await postRequest(outsider, { title, assigneeIds: [sam.id] }), 422, "assigneeIds");
      expect(await storedByTitle(h, title)).toEqual({ requests: [], tasks: [] });
      expect(await plateRows(h, sam.id)).toEqual(before);
      expect(await plateRows(h, outsider.id)).toEqual({ tasks: [], events: [] });
      expect(await myRequests(manny)).toEqual([]);
      expect(await myRequests(outsider)).toEqual([]);
    });

    it("refuses groups with nobody in them (422), and creates nothing", async () => {
      const { sam } = await team();
      const title = `Empty groups ${dialect}`;
      expectProblem(await postRequest(sam, { title, groups: ["direct_reports", "everyone_below"] }), 422);
      expect(await storedByTitle(h, title)).toEqual({ requests: [], tasks: [] });
    });

    it("asks nobody at all when one of many cannot be asked", async () => {
      const { manny, sam, pat, rita } = await team();
      const title = `All or nothing ${dialect}`;
      const plates = async () => Promise.all([sam, pat, rita].map((person) => plateRows(h, person.id)));
      const before = await plates();
      expectProblem(
        await postRequest(manny, {
          title,
          groups: ["everyone_below"],
          assigneeIds: [sam.id, outsider.id],
        }),
        422,
        "assigneeIds",
      );
      expect(await plates()).toEqual(before);
      expect(await storedByTitle(h, title)).toEqual({ requests: [], tasks: [] });
      // The same request without the stranger goes through: the refusal was about them alone.
      const sent = await sendRequest(manny, { title, groups: ["everyone_below"], assigneeIds: [sam.id] });
      expect(sent.progress.total).toBe(3);
      expect(await requestOf(sam, sent.id)).toEqual(sent);
    });

    it("refuses bad ids in the path with 400 and unknown requests with 404", async () => {
      const { manny } = await team();
      const tooLong = "x".repeat(500);
      expectProblem(await manny.client.get(`/api/v1/requests/${tooLong}`), 400);
      expectProblem(await manny.client.get("/api/v1/requests/no-such-request"), 404);
      expectProblem(
        await manny.client.post("/api/v1/requests/no-such-request/assignees", { assigneeIds: [manny.id] }),
        404,
      );
    });
  });
});
