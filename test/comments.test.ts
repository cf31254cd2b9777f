import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Comment,
  comment,
  commentRows,
  commentsOf,
  entriesOf,
  type InboxItem,
  postComment,
} from "./support/comments";
import { dialects } from "./support/databases";
import { EventStream } from "./support/event-stream";
import { invite, type Member, standardOrganization } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, expectProblem, type Problem } from "./support/tasks";

/** Monday 1 March 2027, 09:00 UTC. */
const monday = "2027-03-01T09:00:00.000Z";

describe.each(dialects)("comments on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    h.clock.set(monday);
    await h.app.listen({ port: 0, host: "127.0.0.1" });
    w = await standardOrganization(h.app);
  });
  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  /** A newcomer reporting to Manny Manager, beside Sam Self. */
  const newcomer = (name: string) => invite(h.app, w.owner, name, { managerId: w.manager.id });

  /** Who heard of what about one task, as (kind, actor, count), newest first. */
  const heard = async (member: Member, taskId: string) =>
    (await entriesOf(member, "task.commented", "comment.mentioned"))
      .filter((item) => item.taskId === taskId)
      .map((item) => [item.kind, item.actorId, item.count]);

  it("is posted, read, reworded and deleted by its author, its Markdown kept as written", async () => {
    h.clock.set(monday);
    const task = await addTask(w.manager, w.self.id, { title: "Plan the launch" });
    const body =
      "**Bold** and a [link](https://example.com)\n\n- one\n\t- two\n\n<script>alert(1)</script> `code`";
    const posted = await comment(w.self, task.id, `\r\n  ${body.replace(/\n/g, "\r\n")}  \r\n`);
    expect(posted).toEqual({
      id: expect.any(String),
      taskId: task.id,
      authorId: w.self.id,
      body,
      mentionIds: [],
      createdAt: monday,
      editedAt: null,
    });
    expect(await commentsOf(w.manager, task.id)).toEqual({ items: [posted] });
    expect(await commentsOf(w.owner, task.id)).toEqual({ items: [posted] });

    h.clock.set("2027-03-01T09:05:00.000Z");
    const edited = await w.self.client.patch<Comment>(`/api/v1/comments/${posted.id}`, {
      body: "_Reworded_",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toEqual({ ...posted, body: "_Reworded_", editedAt: "2027-03-01T09:05:00.000Z" });
    expect(await commentsOf(w.manager, task.id)).toEqual({ items: [edited.body] });

    const deleted = await w.self.client.delete(`/api/v1/comments/${posted.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe("");
    expect(await commentsOf(w.self, task.id)).toEqual({ items: [] });
    expect((await commentRows(h, task.id)).comments).toEqual([]);
    expectProblem(await w.self.client.patch(`/api/v1/comments/${posted.id}`, { body: "Again" }), 404);
    expectProblem(await w.self.client.delete(`/api/v1/comments/${posted.id}`), 404);
  });

  it("lists a task's comments oldest first, a page at a time", async () => {
    const task = await addTask(w.self, w.self.id, { title: "Write the handbook" });
    const posted: Comment[] = [];
    for (const [index, author] of [w.self, w.manager, w.self, w.grand, w.owner].entries()) {
      h.clock.set(new Date(Date.parse(monday) + (index + 1) * 60_000));
      posted.push(await comment(author, task.id, `Comment ${index + 1}`));
    }
    expect((await commentsOf(w.manager, task.id)).items).toEqual(posted);

    const seen: Comment[] = [];
    let query = "limit=2";
    for (const expected of [2, 2, 1]) {
      const page = await commentsOf(w.self, task.id, query);
      expect(page.items).toHaveLength(expected);
      seen.push(...page.items);
      if (expected === 1) expect(page.nextCursor).toBeUndefined();
      else query = `limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(posted);

    for (const bad of ["limit=0", "limit=201", "cursor=bm90IGEgY3Vyc29y", "cursor=%2F%2F"]) {
      expectProblem(await w.self.client.get(`/api/v1/tasks/${task.id}/comments?${bad}`), 400);
    }
  });

  it("refuses a body that is empty, blank, too long or holds control characters, and writes nothing", async () => {
    h.clock.set(monday);
    const task = await addTask(w.self, w.self.id, { title: "Fix the build" });
    const kept = await comment(w.manager, task.id, "Keep me");
    const before = await commentRows(h, task.id);
    const bad = [
      "",
      "   \n\t  \n",
      "x".repeat(10_001),
      "bell \u0007",
      "escape \u001b[31m",
      "line\u2028separator",
    ];
    for (const body of bad) {
      expectProblem(await postComment(w.manager, task.id, { body }), 400, "body");
      expectProblem(await w.manager.client.patch(`/api/v1/comments/${kept.id}`, { body }), 400, "body");
    }
    expectProblem(await postComment(w.manager, task.id, { body: "nul \u0000" }), 400);
    expectProblem(await postComment(w.manager, task.id, {}), 400, "body");
    expectProblem(await postComment(w.manager, task.id, { body: "Hi", extra: true }), 400);
    expectProblem(await postComment(w.manager, task.id, { body: 42 }), 400, "body");
    expectProblem(
      await postComment(w.manager, task.id, {
        body: "Hi",
        mentionIds: Array.from({ length: 21 }, () => w.self.id),
      }),
      400,
      "mentionIds",
    );
    expect(await commentRows(h, task.id)).toEqual(before);

    const longest = "x".repeat(10_000);
    expect((await comment(w.manager, task.id, longest)).body).toBe(longest);
  });

  it("refuses mentions of people who cannot see the task, naming them, and writes nothing", async () => {
    h.clock.set(monday);
    const task = await addTask(w.self, w.self.id, { title: "Renew the certificates" });
    await comment(w.self, task.id, "First");
    const before = await commentRows(h, task.id);

    const hidden = await postComment(w.self, task.id, {
      body: "@Bo look",
      mentionIds: [w.manager.id, w.branch.id],
    });
    const problem = expectProblem(hidden, 422, "mentionIds.1");
    expect(problem.detail).toBe("Bo Branch cannot see this task. Nothing was posted.");
    expect(problem.errors).toEqual([{ path: "mentionIds.1", message: "Bo Branch cannot see this task" }]);

    for (const stranger of [w.outsider.id, "nobody-at-all"]) {
      const refused = await postComment(w.self, task.id, { body: "Hello", mentionIds: [stranger] });
      expect(expectProblem(refused, 422, "mentionIds.0").detail).toBe(
        "Someone you mentioned is not a person of your organization. Nothing was posted.",
      );
    }
    // An admin is not above Sam: they cannot see the task either.
    const admin = await postComment(w.manager, task.id, {
      body: "Adam?",
      mentionIds: [w.admin.id, w.peer.id],
    });
    expect(expectProblem(admin, 422).errors?.map((error) => error.message)).toEqual([
      "Adam Admin cannot see this task",
      "Pat Peer cannot see this task",
    ]);
    expect(await commentRows(h, task.id)).toEqual(before);

    h.clock.set("2027-03-01T09:01:00.000Z");
    const mentioned = await comment(w.self, task.id, "Both of you, and me", [
      w.owner.id,
      w.manager.id,
      w.owner.id,
      w.self.id,
    ]);
    expect(mentioned.mentionIds).toEqual([w.owner.id, w.manager.id, w.self.id]);
    expect((await commentsOf(w.grand, task.id)).items.at(-1)?.mentionIds).toEqual([
      w.owner.id,
      w.manager.id,
      w.self.id,
    ]);
  });

  it("tells the task's owner, requester and earlier commenters, and those mentioned of the mention, never the author", async () => {
    h.clock.set(monday);
    // Pat asks Sam: Sam owns it, Pat asked for it, Manny, Grace and Olivia sit above Sam.
    const task = await addTask(w.peer, w.self.id, { title: "Review my draft" });

    h.clock.set("2027-03-01T09:01:00.000Z");
    await comment(w.manager, task.id, "Grace, can you weigh in?", [w.grand.id]);
    expect(await heard(w.self, task.id)).toEqual([["task.commented", w.manager.id, 1]]);
    expect(await heard(w.peer, task.id)).toEqual([["task.commented", w.manager.id, 1]]);
    expect(await heard(w.grand, task.id)).toEqual([["comment.mentioned", w.manager.id, 1]]);
    for (const nobody of [w.manager, w.owner, w.branch, w.admin])
      expect(await heard(nobody, task.id)).toEqual([]);

    h.clock.set("2027-03-01T09:02:00.000Z");
    await comment(w.owner, task.id, "Agreed.");
    expect(await heard(w.manager, task.id)).toEqual([["task.commented", w.owner.id, 1]]);
    expect(await heard(w.self, task.id)).toEqual([
      ["task.commented", w.owner.id, 1],
      ["task.commented", w.manager.id, 1],
    ]);
    // Grace was mentioned, but never commented: she hears no more.
    expect(await heard(w.grand, task.id)).toEqual([["comment.mentioned", w.manager.id, 1]]);
    expect(await heard(w.owner, task.id)).toEqual([]);

    h.clock.set("2027-03-01T09:03:00.000Z");
    await comment(w.self, task.id, "Noted, @me", [w.self.id]);
    expect((await heard(w.self, task.id)).filter(([, actor]) => actor === w.self.id)).toEqual([]);
    expect(await heard(w.owner, task.id)).toEqual([["task.commented", w.self.id, 1]]);
    expect((await heard(w.peer, task.id))[0]).toEqual(["task.commented", w.self.id, 1]);
    expect((await heard(w.manager, task.id))[0]).toEqual(["task.commented", w.self.id, 1]);

    const [entry] = (await entriesOf(w.grand, "comment.mentioned")).filter((item) => item.taskId === task.id);
    expect(entry).toEqual<InboxItem>({
      id: expect.any(String),
      kind: "comment.mentioned",
      taskId: task.id,
      actorId: w.manager.id,
      at: "2027-03-01T09:01:00.000Z",
      readAt: null,
      count: 1,
      title: "Review my draft",
      ownerId: w.self.id,
    });
  });

  it("coalesces one person's comments on a task into one entry while it is unread", async () => {
    h.clock.set(monday);
    const task = await addTask(w.self, w.self.id, { title: "Migrate the wiki" });
    for (let minute = 1; minute <= 10; minute++) {
      h.clock.set(new Date(Date.parse(monday) + minute * 60_000));
      await comment(w.manager, task.id, `Thought ${minute}`);
    }
    h.clock.set("2027-03-01T09:10:30.000Z");
    await comment(w.grand, task.id, "Mine too");
    const entries = (await entriesOf(w.self, "task.commented")).filter((item) => item.taskId === task.id);
    expect(entries.map((item) => [item.actorId, item.count, item.at])).toEqual([
      [w.grand.id, 1, "2027-03-01T09:10:30.000Z"],
      [w.manager.id, 10, "2027-03-01T09:10:00.000Z"],
    ]);

    const read = await w.self.client.post("/api/v1/inbox/read", { ids: entries.map((item) => item.id) });
    expect(read.status).toBe(204);
    h.clock.set("2027-03-01T09:11:00.000Z");
    await comment(w.manager, task.id, "One more");
    expect((await heard(w.self, task.id)).slice(0, 2)).toEqual([
      ["task.commented", w.manager.id, 1],
      ["task.commented", w.grand.id, 1],
    ]);
  });

  it("lets nobody but the author reword or delete a comment, nor the author once the task is hidden from them", async () => {
    h.clock.set(monday);
    const nia = await newcomer("Nia Newcomer");
    const task = await addTask(nia, nia.id, { title: "Nia's onboarding" });
    const grandsComment = await comment(w.grand, task.id, "Welcome aboard");
    const forbidden = await nia.client.patch<Problem>(`/api/v1/comments/${grandsComment.id}`, {
      body: "Changed",
    });
    expect(expectProblem(forbidden, 403).detail).toBe(
      "Only the person who wrote a comment can edit or delete it.",
    );
    expectProblem(await w.manager.client.delete(`/api/v1/comments/${grandsComment.id}`), 403);

    // Nia moves to another branch: Grace no longer sits above her.
    const moved = await w.owner.client.patch(`/api/v1/people/${nia.id}`, { managerId: w.branchLead.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expectProblem(
      await w.grand.client.patch(`/api/v1/comments/${grandsComment.id}`, { body: "Changed" }),
      404,
    );
    expectProblem(await w.grand.client.delete(`/api/v1/comments/${grandsComment.id}`), 404);
    expectProblem(await w.grand.client.get(`/api/v1/tasks/${task.id}/comments`), 404);
    expect((await commentsOf(nia, task.id)).items).toEqual([grandsComment]);

    // Nor does she hear of later comments, though she commented before.
    await comment(nia, task.id, "Thanks!");
    expect(await heard(w.grand, task.id)).toEqual([]);
    expect(await heard(w.branchLead, task.id)).toEqual([]);
  });

  it("reaches the digest as who commented and who mentioned, never the words", async () => {
    h.clock.set(monday);
    const cleo = await newcomer("Cleo Comment");
    const task = await addTask(cleo, cleo.id, { title: "Cleo's plan" });
    await comment(w.manager, task.id, "Secret words one");
    await comment(w.manager, task.id, "Secret words two");
    h.clock.set("2027-03-01T09:01:00.000Z");
    await comment(w.grand, task.id, "Secret words three", [cleo.id]);

    const preview = await cleo.client.get<{ text: string; html: string }>("/api/v1/me/digest/preview");
    expect(preview.status).toBe(200);
    const { text, html } = preview.body;
    expect(text).toContain(
      "Comments\n--------\n- Manny Manager left 2 comments on “Cleo's plan” (#1)\n- Grace Grand mentioned you in a comment on “Cleo's plan” (#1)\n",
    );
    for (const part of [text, html]) expect(part).not.toContain("Secret words");
  });

  it("tells open views of everyone who may read the task that a comment was added, reworded or deleted", async () => {
    h.clock.set(monday);
    const task = await addTask(w.self, w.self.id, { title: "Live thread" });
    const open = async (member: Member) => {
      const stream = await EventStream.open(h.app, member.client.credentials.cookie ?? "");
      streams.push(stream);
      return stream;
    };
    const [selfStream, grandStream, branchStream] = await Promise.all([
      open(w.self),
      open(w.grand),
      open(w.branch),
    ]);
    const ofTask = (event: { data: Record<string, unknown> }) => event.data.taskId === task.id;
    const count = (stream: EventStream) => stream.events.filter(ofTask).length;

    const posted = await comment(w.manager, task.id, "Live one");
    await Promise.all([selfStream.next(ofTask), grandStream.next(ofTask)]);
    expect(selfStream.events.find(ofTask)).toEqual({
      event: "task.changed",
      data: { taskId: task.id, ownerId: w.self.id, at: monday },
    });

    h.clock.set("2027-03-01T09:01:00.000Z");
    expect((await w.manager.client.patch(`/api/v1/comments/${posted.id}`, { body: "Live two" })).status).toBe(
      200,
    );
    await selfStream.next((event) => ofTask(event) && event.data.at === "2027-03-01T09:01:00.000Z");
    h.clock.set("2027-03-01T09:02:00.000Z");
    expect((await w.manager.client.delete(`/api/v1/comments/${posted.id}`)).status).toBe(204);
    const deletedAt = (event: { data: Record<string, unknown> }) =>
      ofTask(event) && event.data.at === "2027-03-01T09:02:00.000Z";
    await Promise.all([selfStream.next(deletedAt), grandStream.next(deletedAt)]);
    expect(count(selfStream)).toBe(3);

    // A later change of Bo's own reaches Bo: by then the comments' events would have too.
    const own = await addTask(w.branch, w.branch.id, { title: "Bo's own" });
    await branchStream.next((event) => event.data.taskId === own.id);
    expect(count(branchStream)).toBe(0);
  });
});
