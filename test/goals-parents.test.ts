import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import {
  changeGoal,
  type Goal,
  goalOf,
  goalRows,
  patchGoal,
  postGoal,
  setGoal,
  teamUnder,
} from "./support/goals";
import { useHarness } from "./support/harness";
import { expectProblem } from "./support/tasks";

describe.each(dialects)("parent goals on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  const team = () => teamUnder(h.app, owner);

  it("lets a report's goal support their manager's, and the parent be changed or cleared", async () => {
    const { manny, sam } = await team();
    const teamGoal = await setGoal(manny, manny.id, { title: "A calm quarter" });
    const companyGoal = await setGoal(owner, owner.id, { title: "A good year" });
    const samsGoal = await setGoal(sam, sam.id, { title: "Fewer pages", parentId: teamGoal.id });
    expect(samsGoal.parentId).toBe(teamGoal.id);
    const moved = await changeGoal(manny, samsGoal, { parentId: companyGoal.id });
    expect(moved).toMatchObject({ parentId: companyGoal.id, version: 2 });
    const cleared = await changeGoal(sam, moved, { parentId: null });
    expect(cleared).toMatchObject({ parentId: null, version: 3 });
    expect(await goalOf(sam, samsGoal.id)).toEqual(cleared);
  });

  it("refuses a parent the caller cannot see exactly like one that does not exist, and writes nothing", async () => {
    const { manny, sam, pat, bo } = await team();
    const samsGoal = await setGoal(sam, sam.id);
    const unseen = {
      patsGoal: (await setGoal(pat, pat.id)).id,
      bosGoal: (await setGoal(bo, bo.id)).id,
      elsewhere: (await setGoal(outsider, outsider.id)).id,
      missing: "no-such-goal",
    };
    // Manny sees Pat's goal: the same parent is fine for him.
    expect((await setGoal(manny, manny.id, { parentId: unseen.patsGoal })).parentId).toBe(unseen.patsGoal);
    const before = await goalRows(h);
    const answers = [];
    for (const parentId of Object.values(unseen)) {
      answers.push(await postGoal(sam, { ownerId: sam.id, title: "Under it", parentId }));
      answers.push(await patchGoal(sam, samsGoal.id, { version: samsGoal.version, parentId }));
    }
    const problems = answers.map((answer) => expectProblem(answer, 422, "parentId"));
    for (const problem of problems) {
      expect(problem).toEqual(problems[0]);
      expect(problem.detail).not.toMatch(/exist/i);
    }
    expect(await goalRows(h)).toEqual(before);
  });

  it("never lets a goal become its own ancestor, and writes nothing trying", async () => {
    const { manny, sam, pat } = await team();
    const top = await setGoal(manny, manny.id, { title: "Top" });
    const middle = await setGoal(sam, sam.id, { title: "Middle", parentId: top.id });
    const bottom = await setGoal(sam, sam.id, { title: "Bottom", parentId: middle.id });
    const before = await goalRows(h);
    const attempts: [Goal, string][] = [
      [top, bottom.id],
      [top, middle.id],
      [middle, bottom.id],
      [middle, middle.id],
    ];
    for (const [goal, parentId] of attempts) {
      const problem = expectProblem(
        await patchGoal(manny, goal.id, { version: goal.version, parentId }),
        422,
        "parentId",
      );
      expect(problem.detail).toMatch(/itself or a goal that supports it/);
    }
    expect(await goalRows(h)).toEqual(before);
    // Beside it in the same tree is fine.
    const patsGoal = await setGoal(pat, pat.id, { title: "Beside", parentId: top.id });
    expect((await changeGoal(manny, patsGoal, { parentId: middle.id })).parentId).toBe(middle.id);
  });

  it("keeps every line of goals at most 6 deep, counting the goals below one that moves", async () => {
    const { manny, sam } = await team();
    const line: Goal[] = [await setGoal(owner, owner.id, { title: "Level 1" })];
    for (let level = 2; level <= 6; level += 1) {
      const parent = line.at(-1) as Goal;
      line.push(
        await setGoal(owner, level % 2 === 0 ? manny.id : sam.id, {
          title: `Level ${level}`,
          parentId: parent.id,
        }),
      );
    }
    const mover = await setGoal(sam, sam.id, { title: "Mover" });
    await setGoal(sam, sam.id, { title: "Below the mover", parentId: mover.id });
    const before = await goalRows(h);
    const tooDeep = [
      await postGoal(sam, { ownerId: sam.id, title: "Level 7", parentId: line[5]?.id }),
      // The mover and the goal below it would be levels 6 and 7.
      await patchGoal(sam, mover.id, { version: mover.version, parentId: line[4]?.id }),
    ];
    for (const answer of tooDeep) expect(expectProblem(answer, 422, "parentId").detail).toMatch(/6 levels/);
    expect(await goalRows(h)).toEqual(before);
    // As levels 5 and 6 they fit.
    expect((await changeGoal(sam, mover, { parentId: line[3]?.id })).parentId).toBe(line[3]?.id);
  });
});
