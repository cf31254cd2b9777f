import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  clientOf,
  finishTask,
  freshInvitation,
  freshSelfToken,
  ok,
  type Row,
  relations,
  type World,
} from "./authorization/table";
import { dialects } from "./support/databases";
import { standardOrganization, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";
import { nextMeetingOf, setUpOneOnOne } from "./support/one-on-ones";
import { addTask } from "./support/tasks";

/**
 * Who may do what, as one table: every /api/v1 route × every relation to Sam Self (see
 * `authorization/table.ts`). The rows live beside it, one file per capability (`*.rows.ts`), and
 * every such file is part of the table.
 */
const rowFiles = readdirSync(new URL("./authorization/", import.meta.url))
  .filter((name) => name.endsWith(".rows.ts"))
  .sort();
const rows: Row<unknown>[] = [];
for (const name of rowFiles) {
  const file = (await import(/* @vite-ignore */ `./authorization/${name}`)) as { rows: Row<unknown>[] };
  rows.push(...file.rows);
}

const cells = rows.flatMap((definition) =>
  relations.map((relation) => ({
    route: definition.route,
    relation,
    status: definition.expected[relation],
    definition,
  })),
);

describe.each(dialects)("authorization on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: World;

  beforeAll(async () => {
    const organization = await standardOrganization(h.app);
    const partial = { ...organization, h } as World;
    partial.selfToken = await freshSelfToken(partial);
    partial.openInvitation = await freshInvitation(partial);
    partial.selfTask = await addTask(partial.self, partial.self.id, { title: "Sam's shared task" });
    partial.selfDone = await finishTask(partial.self, { title: "Sam's finished task" });
    partial.oneOnOne = await setUpOneOnOne(partial.manager, partial.self.id);
    partial.meeting = await nextMeetingOf(partial.self, partial.oneOnOne);
    partial.selfNote = `Only Sam reads this ${uniqueEmail("note")}`;
    const note = await partial.self.client.put(`/api/v1/meetings/${partial.meeting.id}/private-note`, {
      text: partial.selfNote,
    });
    expect(note.status, JSON.stringify(note.body)).toBe(200);
    w = partial;
  });

  it.each(cells)("$route as $relation → $status", async ({ relation, status, definition }) => {
    const subject = await definition.subject(w);
    const client = definition.actor ? definition.actor(w, relation, subject) : clientOf(w, relation);
    try {
      const answer = await definition.call(client, subject, relation, w);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      if (!ok(answer)) {
        expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(answer.body).toMatchObject({ status });
      }
      await definition.verify?.(answer, subject, relation, w);
    } finally {
      await definition.restore?.(subject, w);
    }
  });
});
