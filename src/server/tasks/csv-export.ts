/**
 * A plate as CSV for a spreadsheet (RFC 4180, CRLF, UTF-8 with a byte order mark so that accents
 * read right), as the review packet's CSV is written: a header row, then one task a row, read like
 * `GET /people/{id}/tasks` reads them (the same state, bounds and authorization). Its Title, Due and
 * Notes columns are what an import reads back.
 */
import { stringify } from "csv-stringify/sync";
import type { PlateQuery, Task } from "../../contract/tasks";
import type { Actor } from "../../core/access";
import { fileSlug } from "../../core/file-names";
import { localDateOf } from "../../core/zone-calendar";
import type { AppContext } from "../context";
import { type Contact, contactsOf } from "./csv-store";
import { getPlate } from "./read";

export const plateCsvColumns = [
  "Position",
  "Title",
  "State",
  "Due",
  "Notes",
  "Requester",
  "Requester email",
  "Created",
  "Finished",
  "Drop reason",
  "Id",
];

export interface PlateCsv {
  body: string;
  /** `sam-self-plate-2025-03-01.csv`: the owner and the day in their zone, ASCII letters, digits and dashes. */
  filename: string;
}

export async function plateCsv(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  query: PlateQuery,
): Promise<PlateCsv> {
  const read = await getPlate(ctx, actor, ownerId, query, { address: "", known: [] });
  if (!("body" in read)) throw new Error("A plate read without tags to compare answers the plate");
  const { items } = read.body;
  const people = await contactsOf(ctx.db, [ownerId, ...items.map((task) => task.requesterId)]);
  const owner = people.get(ownerId);
  const today = localDateOf(ctx.clock.now().toISOString(), owner?.timeZone ?? "UTC");
  const body = stringify(
    items.map((task) => rowOf(task, people.get(task.requesterId))),
    {
      header: true,
      columns: plateCsvColumns,
      bom: true,
      record_delimiter: "windows",
      // Notes hold line breaks: their fields are quoted, as RFC 4180 requires.
      quote_record_delimiter: true,
      // A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with a quote.
      escape_formulas: true,
    },
  );
  return { body, filename: `${fileSlug(owner?.name ?? "")}-plate-${today}.csv` };
}

/**
 * One task's row. A date due is its day (`2025-03-01`), a fixed due its instant in UTC
 * (`2025-03-01T17:00:00.000Z`), both in Due: an import reads either back as it was.
 */
function rowOf(task: Task, requester: Contact | undefined): (string | number | null)[] {
  const due = task.due === null ? null : "date" in task.due ? task.due.date : task.due.at;
  return [
    task.position,
    task.title,
    task.state,
    due,
    task.notes,
    requester?.name ?? null,
    requester?.email ?? null,
    task.createdAt,
    task.completedAt ?? task.droppedAt,
    task.dropReason,
    task.id,
  ];
}
