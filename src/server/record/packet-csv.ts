/**
 * The review packet as CSV (RFC 4180, CRLF, UTF-8 with a byte order mark so spreadsheets read
 * accents right): a header row, then one row per item, newest first.
 */
import { stringify } from "csv-stringify/sync";
import type { RecordItem } from "../../contract/record";
import { localDateOf } from "../../core/zone-calendar";
import type { PacketInput } from "./packet-input";
import { requesterName } from "./packet-wording";

const columns = [
  "Month",
  "Task ID",
  "Title",
  "State",
  "Requester ID",
  "Requester",
  "Request ID",
  "Goal ID",
  "Created at",
  "Finished at",
  "Finished on",
  "Due",
  "Due at",
  "On time",
  "Days late",
  "Slips",
  "Drop reason",
];

export function packetCsv(input: PacketInput): string {
  const rows = input.record.items.map((item) => row(input, item));
  return stringify(rows, {
    header: true,
    columns,
    bom: true,
    record_delimiter: "windows",
    // A reason may hold a line break: its field is quoted, as RFC 4180 requires.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}

function row(input: PacketInput, item: RecordItem): (string | null)[] {
  const finishedOn = localDateOf(item.finishedAt, input.record.timeZone);
  return [
    finishedOn.slice(0, 7),
    item.taskId,
    item.title,
    item.state,
    item.requesterId,
    requesterName(input, item.requesterId),
    item.requestId,
    item.goalId,
    item.createdAt,
    item.finishedAt,
    finishedOn,
    item.due === null ? null : "date" in item.due ? item.due.date : item.due.at,
    item.dueAt,
    item.onTime === null ? null : item.onTime ? "yes" : "no",
    item.daysLate === null ? null : String(item.daysLate),
    String(item.slips),
    item.dropReason,
  ];
}
