import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addPoints,
  changePoint,
  deletePoint,
  markNext,
  meetingOf,
  nextMeetingOf,
  oneOnOneRows,
  pairUnder,
  patchPoint,
  postPoint,
  setUpOneOnOne,
  type TalkingPoint,
  textsOf,
} from "./support/one-on-ones";
import { expectProblem } from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin. */
const monday = "2026-03-02T11:00:00.000Z";

/** Texts a talking point may not have, and the message that says why. */
const badTexts: [unknown, RegExp][] = [
  ["", /needs some text/],
  ["   \n\t ", /needs some text/],
  ["x".repeat(2001), /at most 2000 characters/],
  ["bell \u0007 rings", /control characters/],
  ["escape \u001b[31m red", /control characters/],
  ["delete \u007f", /control characters/],
  [42, /./],
  [null, /./],
];

describe.each(dialects)("talking points on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const meetingOfPair = async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    const meeting = await nextMeetingOf(manager, series);
    return { manager, report, series, meeting };
  };

  it("refuses an empty, blank, too long or control-character point with 400, writing nothing", async () => {
    const { manager, report, meeting } = await meetingOfPair();
    const [point] = await addPoints(report, meeting.id, ["Fine"]);
    const before = await oneOnOneRows(h);
    for (const [text, message] of badTexts) {
      const added = expectProblem(await postPoint(manager, meeting.id, { text }), 400, "text");
      expect(added.detail).toMatch(message);
      expectProblem(await patchPoint(report, point?.id ?? "", { text }), 400, "text");
    }
    for (const body of [{}, { text: "Fine", discussed: false }, { text: "Fine", authorId: manager.id }]) {
      expectProblem(await postPoint(manager, meeting.id, body), 400);
    }
    for (const body of [{}, { discussed: "yes" }, { placement: "middle" }, { placement: { before: "" } }]) {
      expectProblem(await patchPoint(report, point?.id ?? "", body), 400);
    }
    expect(await oneOnOneRows(h)).toEqual(before);

    // 2,000 characters, line breaks and tabs are a point; the ends are trimmed.
    const [longest, lines] = await addPoints(manager, meeting.id, [
      ` ${"y".repeat(2000)} `,
      "First\n\tthen this\r\n",
    ]);
    expect(longest?.text).toBe("y".repeat(2000));
    expect(lines?.text).toBe("First\n\tthen this");
  });

  it("lets only its author reword or delete a point (403 for the other, nothing written); either ticks it", async () => {
    const { manager, report, meeting } = await meetingOfPair();
    const [point] = await addPoints(report, meeting.id, ["Salary review"]);
    const id = point?.id ?? "";
    const before = await oneOnOneRows(h);
    expectProblem(await patchPoint(manager, id, { text: "Salary" }), 403);
    expectProblem(await patchPoint(manager, id, { text: "Salary", discussed: true }), 403);
    expectProblem(await deletePoint(manager, id), 403);
    expect(await oneOnOneRows(h)).toEqual(before);

    const reworded = await changePoint(report, id, { text: "  Salary review, again  " });
    expect(reworded).toEqual({ ...point, text: "Salary review, again" });
    // The same text from the other person is no rewording.
    expect(await changePoint(manager, id, { text: "Salary review, again" })).toEqual(reworded);
    expect(await changePoint(manager, id, { discussed: true })).toEqual({ ...reworded, discussed: true });
    expect(await changePoint(report, id, { discussed: false })).toEqual(reworded);
    expect(await changePoint(report, id, { discussed: true })).toEqual({ ...reworded, discussed: true });

    const deleted = await deletePoint(report, id);
    expect(deleted.status).toBe(204);
    expect((await meetingOf(manager, meeting.id)).talkingPoints).toEqual([]);
    expectProblem(await deletePoint(report, id), 404);
    expectProblem(await patchPoint(report, id, { discussed: false }), 404);
  });

  it("keeps points away from anyone but the pair: 404", async () => {
    const { report, meeting } = await meetingOfPair();
    const { manager: otherManager } = await pairUnder(h.app, owner);
    const [point] = await addPoints(report, meeting.id, ["Private to us"]);
    const before = await oneOnOneRows(h);
    for (const other of [owner, otherManager]) {
      expectProblem(await postPoint(other, meeting.id, { text: "Me too" }), 404);
      expectProblem(await patchPoint(other, point?.id ?? "", { discussed: true }), 404);
      expectProblem(await patchPoint(other, point?.id ?? "", { text: "Mine now" }), 404);
      expectProblem(await deletePoint(other, point?.id ?? ""), 404);
    }
    expectProblem(await postPoint(report, "no-such-meeting", { text: "Hello" }), 404);
    expect(await oneOnOneRows(h)).toEqual(before);
  });

  it("places a point at the top, the bottom, before or after another; next to a point of another meeting is 422", async () => {
    const { manager, report, series, meeting } = await meetingOfPair();
    const [a, b, c, d] = await addPoints(manager, meeting.id, ["A", "B", "C", "D"]);
    const ids = { a: a?.id ?? "", b: b?.id ?? "", c: c?.id ?? "", d: d?.id ?? "" };
    const order = async () => textsOf(await meetingOf(report, meeting.id));

    await changePoint(report, ids.c, { placement: "top" });
    expect(await order()).toEqual(["C", "A", "B", "D"]);
    await changePoint(report, ids.c, { placement: "bottom" });
    expect(await order()).toEqual(["A", "B", "D", "C"]);
    await changePoint(manager, ids.d, { placement: { before: ids.a } });
    expect(await order()).toEqual(["D", "A", "B", "C"]);
    await changePoint(report, ids.a, { placement: { after: ids.c } });
    expect(await order()).toEqual(["D", "B", "C", "A"]);
    await changePoint(manager, ids.b, { placement: { before: ids.a } });
    expect(await order()).toEqual(["D", "C", "B", "A"]);
    // Placing and ticking at once, by the one who did not write it.
    const both = await changePoint(report, ids.d, { placement: { after: ids.b }, discussed: true });
    expect(both.discussed).toBe(true);
    expect(await order()).toEqual(["C", "B", "D", "A"]);
    // A new point goes to the bottom.
    await addPoints(report, meeting.id, ["E"]);
    expect(await order()).toEqual(["C", "B", "D", "A", "E"]);

    // Next to a point of another meeting of the series (D, discussed, stays on the held one), of
    // another series, next to itself, or to no point: 422.
    const { manager: otherManager, report: otherReport } = await pairUnder(h.app, owner);
    const other = await setUpOneOnOne(otherManager, otherReport.id);
    const [elsewhere] = await addPoints(otherManager, other.nextMeeting?.id ?? "", ["Elsewhere"]);
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: held, series: after } = await markNext(manager, series.id, "held");
    expect(textsOf(held)).toEqual(["D"]);
    const [later] = await addPoints(report, after.nextMeeting?.id ?? "", ["Later"]);
    const moving = later?.id ?? "";
    const before = await oneOnOneRows(h);
    for (const reference of [ids.d, elsewhere?.id, moving, "no-such-point"]) {
      expectProblem(await patchPoint(report, moving, { placement: { before: reference } }), 422, "placement");
      expectProblem(await patchPoint(manager, moving, { placement: { after: reference } }), 422, "placement");
    }
    expect(await oneOnOneRows(h)).toEqual(before);
  });

  it("takes points added by both people at once, each once, in a strict order", async () => {
    const { manager, report, meeting } = await meetingOfPair();
    const texts = Array.from({ length: 12 }, (_, index) => `At once ${index + 1}`);
    const answers = await Promise.all(
      texts.map((text, index) => postPoint(index % 2 ? manager : report, meeting.id, { text })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(texts.map(() => 201));
    const added = textsOf(await meetingOf(report, meeting.id));
    expect([...added].sort()).toEqual([...texts].sort());
    const { points } = await oneOnOneRows(h);
    const ranks = points.filter((point) => point.meeting_id === meeting.id).map((point) => point.rank);
    expect(new Set(ranks).size).toBe(texts.length);
  });

  it("takes 100 points on a meeting and refuses the 101st with 422", async () => {
    const { manager, report, meeting } = await meetingOfPair();
    const texts = Array.from({ length: 50 }, (_, index) => `Point ${index + 1}`);
    const points: TalkingPoint[] = [
      ...(await addPoints(manager, meeting.id, texts)),
      ...(await addPoints(
        report,
        meeting.id,
        texts.map((text) => `${text}, again`),
      )),
    ];
    expect(points).toHaveLength(100);
    const before = await oneOnOneRows(h);
    expectProblem(await postPoint(report, meeting.id, { text: "One too many" }), 422, "text");
    expectProblem(await postPoint(manager, meeting.id, { text: "One too many" }), 422, "text");
    expect(await oneOnOneRows(h)).toEqual(before);
    // Deleting one makes room for one.
    await deletePoint(manager, points[0]?.id ?? "");
    await addPoints(report, meeting.id, ["Room again"]);
    expect(textsOf(await meetingOf(report, meeting.id))).toHaveLength(100);
  });
});
