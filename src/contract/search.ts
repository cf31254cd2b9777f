import { z } from "zod";
import { Id } from "./common";
import { SearchText } from "./text";

export const SearchKind = z.enum(["task", "person", "request", "goal"]);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchQuery = z.strictObject({
  q: SearchText.describe("Any text: words, quotes and operators are all searched for as written."),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z
  .object({
    kind: SearchKind,
    id: Id,
    title: z.string(),
    snippet: z
      .string()
      .describe("Where the words were found, as plain text; the words found are between « and »."),
    ownerId: Id.optional().describe("A task's or goal's owner."),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResults = z
  .object({ items: z.array(SearchResult).describe("Best match first; only what the caller may see.") })
  .meta({ id: "SearchResults" });
export type SearchResults = z.infer<typeof SearchResults>;
