import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Placement, Plate, Task } from "../src/contract/tasks";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";

type Step =
  | { kind: "add"; where: "top" | "bottom" | "before" | "after"; pick: number }
  | { kind: "move"; pick: number; to: number; before: boolean }
  | { kind: "start" | "complete" | "drop"; pick: number }
  | { kind: "reopen"; pick: number; top: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    where: fc.constantFrom("top" as const, "bottom" as const, "before" as const, "after" as const),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.nat(), before: fc.boolean() }),
  fc.record({
    kind: fc.constantFrom("start" as const, "complete" as const, "drop" as const),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant("reopen" as const), pick: fc.nat(), top: fc.boolean() }),
);

/** Where a placement puts `id` in a plain ordered list. */
function insert(list: string[], id: string, placement: Placement): string[] {
  const rest = list.filter((other) => other !== id);
  if (placement === "top") return [id, ...rest];
  if (placement === "bottom") return [...rest, id];
  const reference = "before" in placement ? placement.before : placement.after;
  const at = rest.indexOf(reference) + ("before" in placement ? 0 : 1);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

describe.each(dialects)("a plate under any sequence of changes, on %s", (dialect) => {
  const h = useHarness(dialect);
  let manager: Member;
  let report: Member;

  beforeAll(async () => {
    manager = await founder(h.app, "Mia Manager");
    report = await invite(h.app, manager, "Ray Report", { managerId: manager.id });
  });

  const plate = async () => {
    const answer = await report.client.get<Plate>(`/api/v1/people/${report.id}/tasks`);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it("keeps positions a permutation of 1..n, in the order a plain list would have", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        // Each run goes on from the plate the previous runs left behind.
        let model = (await plate()).map((task) => task.id);
        const versions = new Map<string, number>();
        const finished: string[] = [];
        const remember = (task: Task) => versions.set(task.id, task.version);
        for (const task of await plate()) remember(task);
        const pickOpen = (n: number) => model[n % model.length] as string;
        for (const s of steps) {
          if (s.kind === "add") {
            const reference = model.length === 0 ? undefined : pickOpen(s.pick);
            const placement: Placement =
              reference === undefined || s.where === "top" || s.where === "bottom"
                ? s.where === "top"
                  ? "top"
                  : "bottom"
                : s.where === "before"
                  ? { before: reference }
                  : { after: reference };
            const added = await manager.client.post<Task>(`/api/v1/people/${report.id}/tasks`, {
              title: `Task ${s.where} ${s.pick}`,
              placement,
            });
            expect(added.status).toBe(201);
            remember(added.body);
            model = insert(model, added.body.id, placement);
          } else if (s.kind === "move" && model.length > 1) {
            const id = pickOpen(s.pick);
            const others = model.filter((other) => other !== id);
            const reference = others[s.to % others.length] as string;
            const placement = s.before ? { before: reference } : { after: reference };
            const moved = await report.client.post<Task>(`/api/v1/tasks/${id}/move`, { placement });
            expect(moved.status).toBe(200);
            remember(moved.body);
            model = insert(model, id, placement);
          } else if ((s.kind === "start" || s.kind === "complete" || s.kind === "drop") && model.length > 0) {
            const id = pickOpen(s.pick);
            const body =
              s.kind === "start"
                ? { state: "in_progress" }
                : s.kind === "complete"
                  ? { state: "done" }
                  : { state: "dropped", dropReason: "No longer needed" };
            const changed = await report.client.patch<Task>(`/api/v1/tasks/${id}`, {
              version: versions.get(id),
              ...body,
            });
            expect(changed.status, JSON.stringify(changed.body)).toBe(200);
            remember(changed.body);
            if (s.kind !== "start") {
              model = model.filter((other) => other !== id);
              finished.push(id);
            }
          } else if (s.kind === "reopen" && finished.length > 0) {
            const [id] = finished.splice(s.pick % finished.length, 1) as [string];
            const placement = s.top ? "top" : "bottom";
            const reopened = await report.client.patch<Task>(`/api/v1/tasks/${id}`, {
              version: versions.get(id),
              state: "open",
              placement,
            });
            expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
            remember(reopened.body);
            model = insert(model, id, placement);
          }
          const now = await plate();
          expect(now.map((task) => task.position)).toEqual(now.map((_, index) => index + 1));
          expect(now.map((task) => task.id)).toEqual(model);
        }
      }),
      { numRuns: 12 },
    );
  });
});
