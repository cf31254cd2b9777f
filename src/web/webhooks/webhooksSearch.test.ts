import { describe, expect, it } from "vitest";
import { parseWebhooksSearch } from "./webhooksSearch";

describe("parseWebhooksSearch", () => {
  it("keeps the endpoint whose deliveries are open", () => {
    expect(parseWebhooksSearch({ deliveries: "abc_DEF-123" })).toEqual({ deliveries: "abc_DEF-123" });
  });

  it("drops anything that is not an id", () => {
    expect(parseWebhooksSearch({})).toEqual({});
    expect(parseWebhooksSearch({ deliveries: "" })).toEqual({});
    expect(parseWebhooksSearch({ deliveries: "../x" })).toEqual({});
    expect(parseWebhooksSearch({ deliveries: 42 })).toEqual({});
    expect(parseWebhooksSearch({ deliveries: "a".repeat(65) })).toEqual({});
  });
});
