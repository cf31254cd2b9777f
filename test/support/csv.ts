import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { TasksImport } from "../../src/contract/tasks-import";
import type { Answer } from "./client";
import type { Caller } from "./tasks";

export type { TasksImport };

/** A fixture of `test/fixtures/import/`, as its bytes. */
export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

/** Posts `file` as a CSV import onto `ownerId`'s plate (a dry run when asked). */
export function postImport(
  as: Caller,
  ownerId: string,
  file: string | Buffer,
  options: { dryRun?: boolean; contentType?: string } = {},
): Promise<Answer<TasksImport & { errors?: { row: number; message: string }[]; detail?: string }>> {
  const query = options.dryRun === undefined ? "" : `?dryRun=${options.dryRun}`;
  return as.client.request("POST", `/api/v1/people/${ownerId}/tasks/import${query}`, file, {
    "content-type": options.contentType ?? "text/csv",
  });
}

/** Imports `file`, expecting 201. */
export async function importFile(as: Caller, ownerId: string, file: string | Buffer): Promise<TasksImport> {
  const answer = await postImport(as, ownerId, file, { dryRun: false });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Reads `ownerId`'s plate as CSV (`query` like `state=all`), expecting 200. */
export async function exportCsv(as: Caller, ownerId: string, query = ""): Promise<Answer<string>> {
  const answer = await as.client.get<string>(
    `/api/v1/people/${ownerId}/tasks.csv${query ? `?${query}` : ""}`,
  );
  expect(answer.status, String(answer.body)).toBe(200);
  return answer;
}

/** An exported CSV's rows as objects by header name. */
export const csvRecords = (text: string): Record<string, string>[] =>
  parse(text, { bom: true, columns: true }) as Record<string, string>[];

/** A CSV file: a header and rows, cells joined as given (quote them yourself), CRLF between lines. */
export const csvFile = (header: string, rows: readonly string[]) => `${[header, ...rows].join("\r\n")}\r\n`;
