/**
 * What ticking Urgent does, said before it is ticked: on one's own plate it only marks the task;
 * on someone else's it e-mails them at once inside their working hours, a few times a week at most.
 * `ownerName` is null on one's own plate; `perWeek` is the organization's limit, when known.
 */
export function urgentHelp(ownerName: string | null, perWeek: number | null): string {
  if (ownerName === null) return "Marks it urgent on your plate. Nobody is e-mailed.";
  if (perWeek === 0) return `Your organization does not allow marking others' work urgent.`;
  const limit =
    perWeek === null
      ? "You can do this only a few times a week for each person."
      : `You can do this at most ${perWeek} ${perWeek === 1 ? "time" : "times"} a week for ${ownerName}.`;
  return `E-mails ${ownerName} at once if it is within their working hours, otherwise when their working hours next begin. ${limit}`;
}
