import { expect } from "vitest";
import type { Client } from "../support/client";
import { uniqueEmail } from "../support/factories";
import { ok, type Row, row, type World } from "./table";

/** A CSV file of one task whose title no other cell uses. */
const fileOf = (title: string) => `Title,Due\r\n${title},2030-01-31\r\n`;

const importAs = (client: Client, ownerId: string, title: string, dryRun: boolean) =>
  client.request<Record<string, unknown>>(
    "POST",
    `/api/v1/people/${ownerId}/tasks/import?dryRun=${dryRun}`,
    fileOf(title),
    {
      "content-type": "text/csv",
    },
  );

const storedWithTitle = (w: World, title: string) =>
  w.h.ctx.db.selectFrom("task").select(["owner_id", "state"]).where("title", "=", title).execute();

export const rows: Row<unknown>[] = [
  row({
    route: "GET /people/{id}/tasks.csv",
    // Seen exactly like the plate it is read from.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfTask,
    call: (client, task) => client.get(`/api/v1/people/${task.ownerId}/tasks.csv`),
    verify: (answer, task) => {
      if (!ok(answer)) return;
      expect(answer.headers["content-type"]).toMatch(/^text\/csv/);
      expect(String(answer.body)).toContain(task.title);
    },
  }),
  row({
    route: "POST /people/{id}/tasks/import?dryRun=true",
    // Only those who place work on the plate import onto it; the rest of the organization asks one task at a time.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 403, owner: 200 },
    subject: () => `Previewed ${uniqueEmail("import")}`,
    call: (client, title, _, w) => importAs(client, w.self.id, title, true),
    verify: async (answer, title, _, w) => {
      if (ok(answer)) expect(answer.body.added).toEqual([{ row: 1, title, due: { date: "2030-01-31" } }]);
      expect(await storedWithTitle(w, title)).toEqual([]);
    },
  }),
  row({
    route: "POST /people/{id}/tasks/import",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 403, owner: 201 },
    subject: () => `Imported ${uniqueEmail("import")}`,
    call: (client, title, _, w) => importAs(client, w.self.id, title, false),
    verify: async (answer, title, _, w) => {
      const stored = await storedWithTitle(w, title);
      expect(stored).toEqual(ok(answer) ? [{ owner_id: w.self.id, state: "open" }] : []);
    },
  }),
];
