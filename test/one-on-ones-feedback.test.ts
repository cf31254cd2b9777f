import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { giveFeedback } from "./support/feedback";
import { useHarness } from "./support/harness";
import { markNext, meetingOf, pairUnder, seriesOf, setUpOneOnOne } from "./support/one-on-ones";

/** Monday 2 March 2026, 12:00 in Berlin; the series meets on Tuesdays at 10:00 there (09:00Z in March). */
const monday = "2026-03-02T11:00:00.000Z";

describe.each(dialects)("feedback on a one-on-one's agenda on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it("lists the feedback either person received since the last held meeting, as far as the reader may read it", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    await giveFeedback(colleague, { toId: report.id, body: "Before the first", visibility: "with_manager" });
    // The first meeting, Tuesday 3 March, is held.
    h.clock.set("2026-03-03T09:30:00.000Z");
    await markNext(manager, series.id, "held");
    h.clock.set("2026-03-04T12:00:00.000Z");
    await giveFeedback(colleague, { toId: report.id, body: "Shared with Mara", visibility: "with_manager" });
    h.clock.advance(60_000);
    await giveFeedback(colleague, { toId: report.id, body: "Only for Remy", visibility: "private" });
    h.clock.advance(60_000);
    await giveFeedback(report, { toId: manager.id, body: "Thanks, Mara", visibility: "private" });
    h.clock.advance(60_000);
    await giveFeedback(colleague, { toId: owner.id, body: "Not theirs", visibility: "with_manager" });

    const next = (await seriesOf(manager, series.id)).nextMeeting?.id ?? "";
    const bodies = async (as: Member) => (await meetingOf(as, next)).feedbackSince.map((item) => item.body);
    // Newest first; before the held meeting is left out, and so is feedback to someone else.
    expect(await bodies(report)).toEqual(["Thanks, Mara", "Only for Remy", "Shared with Mara"]);
    // The manager reads what the report gave them and what is shared with them, not the report's private feedback.
    expect(await bodies(manager)).toEqual(["Thanks, Mara", "Shared with Mara"]);
  });
});
