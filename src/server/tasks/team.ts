import { z } from "zod";
import { TeamMember } from "../../contract/tasks";
import type { Actor } from "../../core/access";
import { isoWeekAround } from "../../core/due-dates";
import { plateLoad } from "../../core/plate-load";
import { type TimedPlate, unchangedUntil } from "../../core/plate-validity";
import type { AppContext } from "../context";
import { listFrom } from "../db/dialect";
import { type Revalidated, type Revalidation, shapeOf, tagOf, unchangedTag } from "../http/entity-tags";
import { readableHeader } from "./access";
import { presentTask } from "./present";
import { type PresentedRow, plateHeader } from "./store";
import { type ReportRow, reportLoads, reportsOf, type TopRow, topsOfReports } from "./team-reads";

const teamShape = shapeOf(z.toJSONSchema(z.array(TeamMember)));

/** Interruptions are counted from this far back: every zone's current week started since. */
const lookBackMs = 8 * 24 * 60 * 60 * 1000;

/**
 * What a team view's tag is read from: the shape of the answer, the address asked, and each report
 * as named (who, what they are called, their zone) with their plate's version.
 */
function teamParts(address: string, reports: readonly ReportRow[]): (string | number)[] {
  const parts: (string | number)[] = [teamShape, address];
  for (const report of reports) {
    parts.push(
      report.id,
      report.name,
      report.title ?? "\u0000",
      report.time_zone,
      Number(report.plate_version),
    );
  }
  return parts;
}

/**
 * A manager's team: each direct report with their load and the top of their plate. With tags the
 * caller holds, answers "unchanged" after reading only the reports' names and plate versions.
 */
export async function getTeam(
  ctx: AppContext,
  actor: Actor,
  managerId: string,
  top: number,
  revalidation: Revalidation,
): Promise<Revalidated<TeamMember[]>> {
  const now = ctx.clock.now();
  // The reports are read beside the manager's header, not after it (one round trip on PostgreSQL);
  // nothing is answered before the header says the caller may see the manager's plate.
  if (revalidation.known.length > 0) {
    const [header, reports] = await Promise.all([
      plateHeader(ctx.db, managerId),
      reportsOf(ctx.db, managerId),
    ]);
    readableHeader(actor, header);
    const tag = unchangedTag(revalidation.known, now, teamParts(revalidation.address, reports));
    if (tag !== undefined) return { unchanged: true, tag };
  }
  const since = new Date(now.getTime() - lookBackMs).toISOString();
  const [header, loads, tops] = await Promise.all([
    plateHeader(ctx.db, managerId),
    reportLoads(ctx.db, ctx.dialect, managerId, since),
    top === 0 ? undefined : topsOfReports(ctx.db, managerId, top),
  ]);
  readableHeader(actor, header);
  const topsOf = groupTops(tops);
  const reports: ReportRow[] = [];
  const timed: TimedPlate[] = [];
  const members = loads.map((report): TeamMember => {
    const first = topsOf.get(report.id);
    // Both statements read the version; the lower one is the moment every part was read at or after.
    // A report the tasks' statement did not see (they joined the team between the two) gets none.
    const version =
      tops === undefined ? report.plate_version : Math.min(report.plate_version, first?.version ?? -1);
    reports.push({ ...report, plate_version: version });
    const dueAts = listFrom(report.due_ats) as string[];
    timed.push({ timeZone: report.time_zone, dueAts });
    const week = isoWeekAround(now, report.time_zone).start;
    return {
      personId: report.id,
      name: report.name,
      title: report.title,
      timeZone: report.time_zone,
      // The load from the dated open tasks alone, and the count of all of them.
      load: { ...plateLoad(dueAts, Number(report.triage), now, report.time_zone), open: Number(report.open) },
      top: (first?.tasks ?? []).map((task, index) => presentTask(task, index + 1, now)),
      interruptionsThisWeek: listFrom(report.urgent_weeks).filter((used) => used === week).length,
    };
  });
  return { body: members, tag: tagOf(unchangedUntil(now, timed), teamParts(revalidation.address, reports)) };
}

/** The top rows by report: their plate's version as that statement read it, and their first tasks in order. */
function groupTops(rows: readonly TopRow[] | undefined) {
  const byReport = new Map<string, { version: number; tasks: (PresentedRow & { rank: string })[] }>();
  for (const row of rows ?? []) {
    let entry = byReport.get(row.report_id);
    if (entry === undefined) {
      entry = { version: Number(row.plate_version), tasks: [] };
      byReport.set(row.report_id, entry);
    }
    if (row.id !== null) entry.tasks.push(row as unknown as PresentedRow & { rank: string });
  }
  for (const { tasks } of byReport.values()) tasks.sort((a, b) => (a.rank < b.rank ? -1 : 1));
  return byReport;
}
