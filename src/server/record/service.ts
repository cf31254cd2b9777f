import type { PacketQuery, Record, RecordQuery, TeamRecordEntry } from "../../contract/record";
import { type Actor, authorize } from "../../core/access";
import { groupByTask, type Judged, judgeTask, recordOf } from "../../core/record";
import { type Period, periodInstants, quarterToDate, recordPeriod } from "../../core/record-period";
import { localDateOf } from "../../core/zone-calendar";
import type { AppContext } from "../context";
import { feedbackForRecord } from "../feedback/read";
import { goalsForRecord } from "../goals/read";
import { heldMeetingsCount } from "../one-on-ones/store";
import type { PersonRow } from "../people/store";
import { loadPlate } from "../tasks/access";
import { directReports } from "../tasks/store";
import { judgmentsOf } from "./judgments";
import { type RenderedPacket, renderPacket } from "./packet";
import type { PdfRenderer } from "./pdf-renderer";
import { dueHistory, finishedTasks, namesOf, requestsReceived } from "./store";

/** A person's record over a period of their own calendar, for them and their management chain. */
export async function getRecord(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  query: RecordQuery,
): Promise<Record> {
  const owner = await visibleOwner(ctx, actor, personId);
  return readFullRecord(ctx, actor, owner, recordPeriod(query, today(ctx, owner.time_zone)));
}

/** The review packet of a person's record, in Markdown, PDF or CSV. */
export async function getPacket(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  query: PacketQuery,
  pdf: PdfRenderer,
): Promise<RenderedPacket> {
  const owner = await visibleOwner(ctx, actor, personId);
  const record = await readFullRecord(ctx, actor, owner, recordPeriod(query, today(ctx, owner.time_zone)));
  const people = [
    ...record.items.map((item) => item.requesterId),
    ...record.feedback.map((item) => item.fromId),
  ];
  const names = await namesOf(ctx.db, [...new Set(people)]);
  return renderPacket(
    query.format,
    {
      record,
      person: { name: owner.name, title: owner.title, email: owner.email },
      names,
      generatedAt: ctx.clock.now().toISOString(),
    },
    (input) => pdf.render(input),
  );
}

/** Each direct report's summary for their quarter so far, each in their own zone. */
export async function getTeamRecord(
  ctx: AppContext,
  actor: Actor,
  managerId: string,
): Promise<TeamRecordEntry[]> {
  const manager = await visibleOwner(ctx, actor, managerId);
  const reports = await directReports(ctx.db, manager.id);
  return Promise.all(
    reports.map(async (report) => {
      const period = quarterToDate(today(ctx, report.time_zone));
      const { summary } = await readRecord(ctx, { id: report.id, time_zone: report.time_zone }, period);
      return { personId: report.id, ...period, summary };
    }),
  );
}

async function visibleOwner(ctx: AppContext, actor: Actor, personId: string): Promise<PersonRow> {
  const { owner, plate } = await loadPlate(ctx.db, personId);
  authorize(actor, { kind: "record.read", plate });
  return owner;
}

function today(ctx: AppContext, timeZone: string): string {
  return localDateOf(ctx.clock.now().toISOString(), timeZone);
}

/**
 * A record as its reader reads it: the finished work judged, and beside it the person's goals and the
 * feedback they received that the reader may read, and how many one-on-ones they held.
 */
async function readFullRecord(
  ctx: AppContext,
  actor: Actor,
  owner: PersonRow,
  period: Period,
): Promise<Record> {
  const instants = periodInstants(period, owner.time_zone);
  const [record, goals, feedback, oneOnOnesHeld] = await Promise.all([
    readRecord(ctx, owner, period),
    goalsForRecord(ctx.db, actor, { id: owner.id, organizationId: owner.organization_id }, instants),
    feedbackForRecord(ctx.db, actor, owner.id, instants),
    heldMeetingsCount(ctx.db, owner.id, instants),
  ]);
  return { ...record, goals, feedback, oneOnOnesHeld };
}

/** A record's finished work, judged: everything of it but what is read beside it. */
type FinishedWork = Pick<Record, "personId" | "timeZone" | "from" | "to" | "summary" | "weeks" | "items">;

async function readRecord(
  ctx: AppContext,
  owner: Pick<PersonRow, "id" | "time_zone">,
  period: Period,
): Promise<FinishedWork> {
  const timeZone = owner.time_zone;
  const window = { ownerId: owner.id, ...periodInstants(period, timeZone) };
  const [tasks, received] = await Promise.all([
    finishedTasks(ctx.db, window),
    requestsReceived(ctx.db, window),
  ]);
  // Finished work rarely changes: only tasks not judged yet at their version need their history read.
  const judgments = judgmentsOf(ctx.db);
  const judged = tasks.map((task) => judgments.get(task, timeZone));
  const unjudged = tasks.filter((_, index) => judged[index] === undefined).map((task) => task.id);
  const history = groupByTask(await dueHistory(ctx.db, ctx.dialect, unjudged));
  tasks.forEach((task, index) => {
    if (judged[index] !== undefined) return;
    const judgement = judgeTask(task, history.get(task.id) ?? [], timeZone);
    judgments.set(task, timeZone, judgement);
    judged[index] = judgement;
  });
  return {
    personId: owner.id,
    timeZone,
    ...period,
    ...recordOf(judged as Judged[], { ...period, requestsReceived: received }),
  };
}
