import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { compareRanks, type Placement, positionAmong, type Ranked, rankFor } from "./ranks";

const sorted = (plate: Ranked[]) => [...plate].sort((a, b) => compareRanks(a.rank, b.rank));

describe("rankFor", () => {
  it("places at the top, the bottom, before and after a task", () => {
    let plate: Ranked[] = [];
    const add = (id: string, placement: Placement) => {
      plate = sorted([...plate, { id, rank: rankFor(placement, plate) }]);
    };
    add("b", "bottom");
    add("d", "bottom");
    add("a", "top");
    add("c", { before: "d" });
    add("e", { after: "d" });
    expect(plate.map((task) => task.id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("moves a task without touching any other key", () => {
    const plate: Ranked[] = [];
    for (const id of ["a", "b", "c"]) plate.push({ id, rank: rankFor("bottom", plate) });
    const rank = rankFor({ before: "a" }, plate, "c");
    const moved = sorted(plate.map((task) => (task.id === "c" ? { ...task, rank } : task)));
    expect(moved.map((task) => task.id)).toEqual(["c", "a", "b"]);
    expect(moved.filter((task) => task.id !== "c")).toEqual(plate.filter((task) => task.id !== "c"));
  });

  it("tells the position a key takes among the others", () => {
    const plate: Ranked[] = [];
    for (const id of ["a", "b", "c"]) plate.push({ id, rank: rankFor("bottom", plate) });
    expect(positionAmong(plate, rankFor("top", plate))).toBe(1);
    expect(positionAmong(plate, rankFor({ after: "b" }, plate))).toBe(3);
    expect(positionAmong(plate, rankFor("bottom", plate))).toBe(4);
  });

  it("refuses to place next to a task that is not on the plate, or next to itself", () => {
    const plate = [{ id: "a", rank: rankFor("bottom", []) }];
    expect(() => rankFor({ after: "zzz" }, plate)).toThrow(AppError);
    expect(() => rankFor({ after: "a" }, plate, "a")).toThrow(/not open on this plate/);
  });

  type Step =
    | { kind: "add"; where: "top" | "bottom" | "before" | "after"; pick: number }
    | { kind: "move"; pick: number; to: number; before: boolean }
    | { kind: "finish"; pick: number }
    | { kind: "reopen"; pick: number };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant("add" as const),
      where: fc.constantFrom<"top" | "bottom" | "before" | "after">("top", "bottom", "before", "after"),
      pick: fc.nat(),
    }),
    fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.nat(), before: fc.boolean() }),
    fc.record({ kind: fc.constant("finish" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("reopen" as const), pick: fc.nat() }),
  );

  it("keeps the plate in exactly the order a plain list would have, under any sequence of changes", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        let plate: Ranked[] = []; // open tasks with their keys
        let model: string[] = []; // the same tasks as a plain ordered list
        const finished: string[] = [];
        let next = 0;
        const insert = (list: string[], id: string, placement: Placement) => {
          if (placement === "top") return [id, ...list];
          if (placement === "bottom") return [...list, id];
          const ref = "before" in placement ? placement.before : placement.after;
          const at = list.indexOf(ref) + ("before" in placement ? 0 : 1);
          return [...list.slice(0, at), id, ...list.slice(at)];
        };
        const place = (id: string, placement: Placement, moving?: string) => {
          const rank = rankFor(placement, plate, moving);
          plate = sorted([...plate.filter((task) => task.id !== id), { id, rank }]);
          model = insert(
            model.filter((other) => other !== id),
            id,
            placement,
          );
        };
        for (const s of steps) {
          if (s.kind === "add") {
            const id = `t${next++}`;
            const ref = model[s.pick % Math.max(model.length, 1)];
            const placement: Placement =
              s.where === "top" || s.where === "bottom" || ref === undefined
                ? s.where === "top"
                  ? "top"
                  : "bottom"
                : s.where === "before"
                  ? { before: ref }
                  : { after: ref };
            place(id, placement);
          } else if (s.kind === "move" && model.length > 1) {
            const id = model[s.pick % model.length] as string;
            const others = model.filter((other) => other !== id);
            const ref = others[s.to % others.length] as string;
            place(id, s.before ? { before: ref } : { after: ref }, id);
          } else if (s.kind === "finish" && model.length > 0) {
            const id = model[s.pick % model.length] as string;
            plate = plate.filter((task) => task.id !== id);
            model = model.filter((other) => other !== id);
            finished.push(id);
          } else if (s.kind === "reopen" && finished.length > 0) {
            const [id] = finished.splice(s.pick % finished.length, 1);
            if (id) place(id, "bottom");
          }
          const keys = plate.map((task) => task.rank);
          if (new Set(keys).size !== keys.length) return false;
          if (plate.map((task) => task.id).join() !== model.join()) return false;
        }
        return true;
      }),
    );
  });
});
