import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseDate, parseId, parsePeople, parsePerson, parseUrl, placementOf } from "./args";

describe("command-line arguments", () => {
  it("reads PERSON as me, an e-mail or an id", () => {
    expect(parsePerson("me")).toEqual({ kind: "me" });
    expect(parsePerson("ME")).toEqual({ kind: "me" });
    expect(parsePerson("ada@example.com")).toEqual({ kind: "email", email: "ada@example.com" });
    expect(parsePerson("3f6c2d1e-0000-4000-8000-000000000001")).toEqual({
      kind: "id",
      id: "3f6c2d1e-0000-4000-8000-000000000001",
    });
    expect(() => parsePerson("Ada Lovelace")).toThrow(InvalidArgumentError);
    expect(() => parsePerson("a@b@c")).toThrow(InvalidArgumentError);
  });

  it("reads PEOPLE as a comma-separated list", () => {
    expect(parsePeople("me, ada@example.com,,p1")).toEqual([
      { kind: "me" },
      { kind: "email", email: "ada@example.com" },
      { kind: "id", id: "p1" },
    ]);
    expect(() => parsePeople(" , ")).toThrow(InvalidArgumentError);
  });

  it("takes only real dates written YYYY-MM-DD", () => {
    expect(parseDate("2030-02-28")).toBe("2030-02-28");
    expect(parseDate("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2030-02-29", "2030-13-01", "2030-00-10", "2030-1-5", "tomorrow", "2030-01-01T00:00"])
      expect(() => parseDate(bad), bad).toThrow(InvalidArgumentError);
  });

  it("takes ids as the API writes them", () => {
    expect(parseId("abc_D-1")).toBe("abc_D-1");
    expect(() => parseId("../me")).toThrow(InvalidArgumentError);
  });

  it("takes a server's http(s) base address, without a trailing slash", () => {
    expect(parseUrl("https://docket.example.com/")).toBe("https://docket.example.com");
    expect(parseUrl("http://127.0.0.1:3000/docket")).toBe("http://127.0.0.1:3000/docket");
    for (const bad of [
      "docket.example.com",
      "ftp://x.example",
      "https://u:p@x.example",
      "https://x.example/?a=1",
    ])
      expect(() => parseUrl(bad), bad).toThrow(InvalidArgumentError);
  });

  it("turns the placement flags into the API's placement", () => {
    expect(placementOf({})).toBeUndefined();
    expect(placementOf({ top: true })).toBe("top");
    expect(placementOf({ bottom: true })).toBe("bottom");
    expect(placementOf({ before: "t1" })).toEqual({ before: "t1" });
    expect(placementOf({ after: "t2" })).toEqual({ after: "t2" });
  });
});
