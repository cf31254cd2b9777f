import { describe, expect, it } from "vitest";
import { packetCsv } from "./packet-csv";
import { item, packetInput, recordOf } from "./packet-fixtures";

const header =
  "Month,Task ID,Title,State,Requester ID,Requester,Request ID,Goal ID,Created at,Finished at,Finished on,Due,Due at,On time,Days late,Slips,Drop reason";

describe("packetCsv", () => {
  it("starts with a byte order mark and a header row, and ends every row with CRLF", () => {
    const csv = packetCsv(packetInput());
    expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "").includes("\r")).toBe(false);
  });

  it("writes one row per item, newest first as in the record", () => {
    const input = packetInput();
    const rows = packetCsv(input).slice(1).split("\r\n").slice(1, -1);
    expect(rows).toHaveLength(input.record.items.length);
    expect(rows.map((row) => row.split(",")[1])).toEqual(input.record.items.map((i) => i.taskId));
  });

  it("writes the dates, due, on-time mark and requester of each item", () => {
    const csv = packetCsv(packetInput());
    expect(csv).toContain(
      "\r\n2025-03,t-march,Draft the Q1 roadmap,done,mgr,Grace Hopper,,,2025-03-02T08:00:00.000Z," +
        "2025-03-14T16:00:00.000Z,2025-03-14,2025-03-15,2025-03-15T23:00:00.000Z,yes,0,0,\r\n",
    );
    expect(csv).toContain(
      "\r\n2025-04,t-april-edge,Überprüfung — Отчёт,done,mgr,Grace Hopper,,,2025-03-20T08:00:00.000Z," +
        "2025-03-31T22:30:00.000Z,2025-04-01,2025-03-28,2025-03-28T23:00:00.000Z,no,4,2,\r\n",
    );
    expect(csv).toContain(
      ",2025-06-10T18:00:00.000Z,2025-06-10,2025-06-10T12:00:00.000Z,2025-06-10T12:00:00.000Z,no,0,0,\r\n",
    );
  });

  it("leaves the requester's name empty when they are no longer known, and the on-time mark without a due", () => {
    const csv = packetCsv(packetInput());
    expect(csv).toContain(
      ",done,gone,,req-1,,2025-03-01T09:00:00.000Z,2025-05-20T10:00:00.000Z,2025-05-20,,,,,0,\r\n",
    );
  });

  it("quotes fields with commas, quotes or line breaks, and keeps formulas from running", () => {
    const csv = packetCsv(packetInput());
    expect(csv).toContain(
      `\r\n2025-09,t-september,"'=HYPERLINK(""https://evil.example"",""click"")",dropped,ada,Ada Lovelace,,,` +
        `2025-03-01T09:00:00.000Z,2025-09-03T09:00:00.000Z,2025-09-03,,,,,0,"The client cancelled\nthe project — **entirely**"\r\n`,
    );
  });

  it("guards every cell that a spreadsheet would read as a formula", () => {
    const record = recordOf([
      item({ taskId: "a", title: "+1 for the plan", finishedAt: "2025-04-01T10:00:00Z" }),
      item({ taskId: "b", title: "-5% budget", finishedAt: "2025-04-02T10:00:00Z" }),
      item({ taskId: "c", title: "@channel update", finishedAt: "2025-04-03T10:00:00Z" }),
    ]);
    const titles = packetCsv(packetInput({ record }))
      .split("\r\n")
      .slice(1, -1)
      .map((row) => row.split(",")[2]);
    expect(titles).toEqual(["'@channel update", "'-5% budget", "'+1 for the plan"]);
  });

  it("is a header row alone when nothing was finished", () => {
    expect(packetCsv(packetInput({ record: recordOf([]) }))).toBe(`\uFEFF${header}\r\n`);
  });
});
