import type { AssigneePreview, Request } from "../../contract";

type Progress = Request["progress"];

/** "2 of 3 done", "Nobody asked yet" when the request reached nobody. */
export function progressHeadline(progress: Progress): string {
  if (progress.total === 0) return "Nobody asked yet";
  if (progress.done === progress.total) return progress.total === 1 ? "Done" : `All ${progress.total} done`;
  return `${progress.done} of ${progress.total} done`;
}

/** What is not done yet: "1 still open · 1 dropped"; empty when nothing is. */
export function progressDetail(progress: Progress): string {
  const parts: string[] = [];
  if (progress.open > 0) parts.push(`${progress.open} still open`);
  if (progress.dropped > 0) parts.push(`${progress.dropped} dropped`);
  return parts.join(" · ");
}

/** The share of the bar each part takes, in percent, summing to 100 when anyone was asked. */
export function progressShares(progress: Progress): { done: number; dropped: number } {
  if (progress.total === 0) return { done: 0, dropped: 0 };
  return {
    done: (progress.done / progress.total) * 100,
    dropped: (progress.dropped / progress.total) * 100,
  };
}

/** "This asks 7 people for their time." */
export function askSentence(count: number): string {
  if (count === 0) return "This asks nobody yet.";
  return count === 1 ? "This asks 1 person for their time." : `This asks ${count} people for their time.`;
}

/** Where the tasks go: "5 on their plates, 2 in their triage." */
export function landingSentence(previews: readonly Pick<AssigneePreview, "lands">[]): string {
  const triage = previews.filter((preview) => preview.lands === "triage").length;
  const plate = previews.length - triage;
  if (triage === 0)
    return plate === 1 ? "It goes to the bottom of their plate." : "Each goes to the bottom of their plate.";
  if (plate === 0)
    return triage === 1
      ? "It waits in their triage: you are not in their management chain."
      : "Each waits in their triage: you are not in their management chain.";
  return `${plate} at the bottom of their plate, ${triage} in their triage (you are not in their management chain).`;
}

/** "3 open · 1 due this week · 1 overdue", counted in each person's own zone. */
export function loadSentence(load: NonNullable<AssigneePreview["load"]>): string {
  return `${load.open} open · ${load.dueThisWeek} due this week · ${load.overdue} overdue`;
}
