/** Where a task form shows the server's field errors: `due.date` and `due` go to the date field. */
export function taskFieldFor(path: string): string | null {
  if (path === "due" || path.startsWith("due.")) return "due";
  if (path === "dropReason" || path === "reason") return "reason";
  return ["title", "notes", "placement", "urgent"].includes(path) ? path : null;
}
