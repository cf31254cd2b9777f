import { describe, expect, it } from "vitest";
import { pdfPages, squash } from "../../../test/support/pdf-text";
import { recordMonths } from "../../core/record-months";
import { item, largeInput, packetInput, recordOf } from "./packet-fixtures";
import { packetPdf } from "./packet-pdf";

const pagesOf = pdfPages;

describe("packetPdf", () => {
  it("is a PDF with a first page and at least one page per month", async () => {
    const input = packetInput();
    const pdf = await packetPdf(input);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(recordMonths(input.record).length + 1);
  });

  it("opens with the person, the period, the summary and the chart", async () => {
    const [cover] = await pagesOf(await packetPdf(packetInput()));
    const text = cover?.text ?? "";
    for (const expected of [
      "REVIEW PACKET",
      "Ada Lovelace",
      "Staff Engineer · ada@example.com",
      "Period: 1 Mar 2025 – 28 Feb 2026, dates in Europe/Paris",
      "Made 1 Mar 2026",
      "10 Completed",
      "78% On-time rate, of 9 with a due",
      "3.5 days Median time to complete",
      "Team requests: 4 received, 4 completed.",
      "Completed per month",
      "On time Late Without a due",
    ]) {
      expect(text).toContain(expected);
    }
    for (const month of ["Mar", "Jul", "Dec", "Feb"]) expect(cover?.runs.map((r) => r.str)).toContain(month);
  });

  it("says plainly when no due-dated work was completed", async () => {
    const record = recordOf([item({ taskId: "a", finishedAt: "2025-04-02T10:00:00Z" })]);
    const [cover] = await pagesOf(await packetPdf(packetInput({ record })));
    expect(cover?.text).toContain("On-time rate: no due-dated work completed");
    expect(cover?.text).not.toMatch(/\d+%/);
  });

  it("starts each month on a page of its own, quiet months included, in order", async () => {
    const input = packetInput();
    const pages = await pagesOf(await packetPdf(input));
    const months = recordMonths(input.record);
    const headings = pages.slice(2).map((page) => page.runs[0]?.str);
    expect(headings).toEqual(months.map((month) => month.label));
    const july = pages.find((page) => page.runs[0]?.str === "July 2025");
    expect(july?.text).toContain("Nothing finished or dropped in July 2025.");
  });

  it("prints the goals and the feedback received on the page after the cover, and the one-on-ones held", async () => {
    const pages = await pagesOf(await packetPdf(packetInput()));
    expect(pages[0]?.text).toContain("One-on-ones held: 11.");
    const text = pages[1]?.text ?? "";
    expect(pages[1]?.runs[0]?.str).toBe("Goals");
    expect(text).toContain("Launch the <b>analytics</b> engine");
    expect(text).toContain(
      "active · 3 of 5 tasks done · due 30 Jun 2026 · at risk on 10 Feb 2026: Waiting on the new cluster",
    );
    expect(text).toContain("Feedback received");
    expect(text).toContain("from Grace Hopper · shared with the manager · about “Year-end close, part 1”");
    expect(text).toContain("The year-end close was calm and early. Thank you! [link](https://evil.example)");
  });

  it("prints every item's title, Latin or not, with its facts", async () => {
    const input = packetInput();
    const text = (await pagesOf(await packetPdf(input))).map((page) => page.text).join(" ");
    for (const { title } of input.record.items) expect(text).toContain(squash(title));
    expect(text).toContain("Überprüfung — Отчёт");
    expect(text).toContain(
      "late by 4 days · finished 1 Apr 2025 · created 20 Mar 2025 · due 28 Mar 2025 · requested by Grace Hopper · due moved later twice",
    );
    expect(text).toContain("late (same day) · finished 10 Jun 2025");
    expect(text).toContain("requested by a former colleague");
    expect(text).toContain("No longer needed: The client cancelled the project — **entirely**");
  });

  it("continues a long month on further pages, every item printed once and on the page", async () => {
    const large = largeInput(500);
    const longTitle = `Ελέγξτε ${"the-unbroken-identifier-".repeat(12)}`;
    const long = item({ taskId: "long", title: longTitle, finishedAt: "2025-03-20T10:00:00Z" });
    const input = { ...large, record: recordOf([...large.record.items, long]) };
    const pages = await pagesOf(await packetPdf(input));
    const text = pages.map((page) => page.text).join(" ");
    for (const { taskId } of large.record.items) {
      expect(text.match(new RegExp(`Task ${taskId.slice(1)}: `, "g"))).toHaveLength(1);
    }
    expect(text).toContain("Ελέγξτε");
    expect(pages.some((page) => page.runs[0]?.str === "March 2025 (continued)")).toBe(true);
    for (const page of pages) {
      for (const run of page.runs) {
        expect(run.x).toBeGreaterThanOrEqual(49);
        expect(run.x + run.width).toBeLessThanOrEqual(page.width - 49);
        expect(run.y).toBeGreaterThan(30);
        expect(run.y).toBeLessThan(page.height - 49);
      }
    }
  });

  it("numbers its pages in the footer", async () => {
    const pages = await pagesOf(await packetPdf(packetInput()));
    pages.forEach((page, index) => {
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page.text).toContain("Ada Lovelace · Review packet, 1 Mar 2025 – 28 Feb 2026");
    });
  });

  it("renders a year of 500 items", async ({ annotate }) => {
    const input = largeInput(500);
    await packetPdf(input);
    const started = performance.now();
    const pdf = await packetPdf(input);
    const took = performance.now() - started;
    await annotate(`500 items over 12 months rendered in ${took.toFixed(0)} ms`);
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(13);
  });
});
