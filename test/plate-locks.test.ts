import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";

/**
 * Writes that lock one plate (or the organization) while inserting rows that point at another
 * person must never deadlock one another: every answer is a success, on both databases.
 */
describe.each(dialects)("plate locks under crossing writes, on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;
  let manager: Member;
  let report: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    manager = await invite(h.app, owner, "Mia Manager", { managerId: owner.id });
    report = await invite(h.app, owner, "Ray Report", { managerId: manager.id });
  });

  it("lets a manager and their report add to each other's plates at the same moment", async () => {
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all([
        manager.client.post(`/api/v1/people/${report.id}/tasks`, { title: `From the manager ${round}` }),
        report.client.post(`/api/v1/people/${manager.id}/tasks`, { title: `From the report ${round}` }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    }
  });

  it("lets someone add to their own plate while an admin changes them", async () => {
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all([
        report.client.post(`/api/v1/people/${report.id}/tasks`, { title: `Mine ${round}` }),
        owner.client.patch(`/api/v1/people/${report.id}`, { title: `Engineer ${round}` }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 200]);
    }
  });
});
