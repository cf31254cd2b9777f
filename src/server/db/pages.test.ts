import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../core/errors";
import { pageOf, readCursor } from "./pages";

const Keys = z.tuple([z.string(), z.string()]);
const rows = ["a", "b", "c", "d"].map((id, index) => ({ id, at: `2030-01-0${index + 1}` }));

describe("pageOf", () => {
  it("gives the first `limit` rows and, when more were read, a cursor naming the last one's keys", () => {
    const { page, next } = pageOf(rows, 3, (last) => [last.at, last.id]);
    expect(page.map((row) => row.id)).toEqual(["a", "b", "c"]);
    expect(readCursor(next.nextCursor ?? "", Keys)).toEqual(["2030-01-03", "c"]);
  });

  it("gives no cursor when nothing more was read", () => {
    expect(pageOf(rows, 4, (last) => [last.id])).toEqual({ page: rows, next: {} });
    expect(pageOf([], 4, () => [])).toEqual({ page: [], next: {} });
  });
});

describe("readCursor", () => {
  it("refuses anything it did not make, or keys of another shape, as a 400 on `cursor`", () => {
    const { next } = pageOf(rows, 1, (last) => [last.id]);
    for (const cursor of [
      "not base64 json",
      next.nextCursor ?? "",
      Buffer.from('["a", 2]').toString("base64url"),
    ]) {
      let refusal: unknown;
      try {
        readCursor(cursor, Keys);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).status).toBe(400);
      expect((refusal as AppError).details.errors).toEqual([
        { path: "cursor", message: "not a cursor this list gave" },
      ]);
    }
  });
});
