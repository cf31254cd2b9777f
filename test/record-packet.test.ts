import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { pdfPages } from "./support/pdf-text";
import { finishedTask } from "./support/record";
import { setTimeZone } from "./support/tasks";

const period = "from=2026-01-01&to=2026-03-31";
const titles = {
  onTime: "Pipeline review",
  late: "Überprüfung — Отчёт за квартал",
  dropped: "Old launch plan",
  hostile: '=HYPERLINK("http://evil.example") [click](javascript:alert(1)) <script>alert(1)</script>',
};

describe.each(dialects)("review packet on %s", (dialect) => {
  const h = useHarness(dialect);
  let manny: Member;
  let sam: Member;

  beforeAll(async () => {
    const owner = await founder(h.app, "Olivia Owner");
    manny = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    sam = await invite(h.app, owner, "Sam Self", { managerId: manny.id });
    await setTimeZone(sam, "Europe/Berlin");
    // January and March have work; February has none and must still have its place.
    await finishedTask(h, manny, sam.id, {
      title: titles.onTime,
      due: { date: "2026-01-20" },
      createdAt: "2026-01-12T09:00:00.000Z",
      finishedAt: "2026-01-19T09:00:00.000Z",
    });
    await finishedTask(h, manny, sam.id, {
      title: titles.late,
      due: { date: "2026-03-02" },
      createdAt: "2026-02-20T09:00:00.000Z",
      finishedAt: "2026-03-05T09:00:00.000Z",
    });
    await finishedTask(h, manny, sam.id, {
      title: titles.dropped,
      createdAt: "2026-03-01T09:00:00.000Z",
      finishedAt: "2026-03-20T09:00:00.000Z",
      dropReason: "The launch moved to next year",
    });
    await finishedTask(h, sam, sam.id, {
      title: titles.hostile,
      createdAt: "2026-03-21T09:00:00.000Z",
      finishedAt: "2026-03-22T09:00:00.000Z",
    });
  });

  /** The packet as raw bytes, as Manny downloads it. */
  async function packet(query: string) {
    const response = await h.app.inject({
      method: "GET",
      url: `/api/v1/people/${sam.id}/record/packet?${query}`,
      headers: { cookie: manny.client.credentials.cookie ?? "" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="record-sam-self-2026-01-01-to-2026-03-31\.\w+"$/,
    );
    expect(response.headers["cache-control"]).toBe("private, no-store");
    return { type: String(response.headers["content-type"]), bytes: response.rawPayload };
  }

  it("gives Markdown with every month in order, empty ones included, and untrusted titles made harmless", async () => {
    const { type, bytes } = await packet(`${period}&format=md`);
    expect(type).toMatch(/^text\/markdown; charset=utf-8/);
    const markdown = bytes.toString("utf8");
    const months = ["January 2026", "February 2026", "March 2026"].map((month) => markdown.indexOf(month));
    expect(months.every((at) => at > 0)).toBe(true);
    expect([...months].sort((a, b) => a - b)).toEqual(months);
    for (const title of [titles.onTime, titles.late, titles.dropped]) expect(markdown).toContain(title);
    expect(markdown).toContain("The launch moved to next year");
    expect(markdown).not.toContain("<script>");
    expect(markdown).not.toContain("](javascript:");
  });

  it("gives RFC 4180 CSV with a byte order mark, a header row and one row per item", async () => {
    const { type, bytes } = await packet(`${period}&format=csv`);
    expect(type).toMatch(/^text\/csv; charset=utf-8/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("\r\n");
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.Title)).toEqual([
      // A title that starts like a formula is not one in a spreadsheet.
      `'${titles.hostile}`,
      titles.dropped,
      titles.late,
      titles.onTime,
    ]);
    expect(rows[1]).toMatchObject({
      State: "dropped",
      "Drop reason": "The launch moved to next year",
      "On time": "",
    });
    expect(rows[2]).toMatchObject({
      Requester: "Manny Manager",
      "On time": "no",
      "Days late": "3",
      Month: "2026-03",
    });
  });

  it("gives a PDF made on the server, with every title and a page per month", async () => {
    const { type, bytes } = await packet(period);
    expect(type).toBe("application/pdf");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const text = pages.map((page) => page.text).join(" ");
    for (const title of [titles.onTime, titles.late, titles.dropped]) expect(text).toContain(title);
    for (const month of ["January 2026", "February 2026", "March 2026"]) expect(text).toContain(month);
  });
});
