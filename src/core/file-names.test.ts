import { describe, expect, it } from "vitest";
import { fileSlug } from "./file-names";

describe("fileSlug", () => {
  it("keeps ASCII letters and digits, takes accents off and joins the rest with dashes", () => {
    expect(fileSlug("Ada Lovelace")).toBe("ada-lovelace");
    expect(fileSlug("Zoë Ångström-Ýr")).toBe("zoe-angstrom-yr");
    expect(fileSlug(`"; filename=evil.sh`)).toBe("filename-evil-sh");
    expect(fileSlug("../../etc/passwd")).toBe("etc-passwd");
  });

  it("is at most 60 characters, never ends on a dash, and names a person when nothing is left", () => {
    expect(fileSlug(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
    expect(fileSlug("李小龍")).toBe("person");
    expect(fileSlug("")).toBe("person");
  });
});
