import { queryOptions } from "@tanstack/react-query";
import type { SearchResults } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

/** How many results the palette asks for: the API's ranking decides which. */
export const PALETTE_RESULTS = 10;

/** What the caller may see that matches `text`, best match first (`text` already one clean line). */
export const searchQuery = (text: string, limit = PALETTE_RESULTS) =>
  queryOptions({
    queryKey: queryKeys.search(text, limit),
    queryFn: async () =>
      (
        await apiFetch<SearchResults>(
          `/api/v1/search?${new URLSearchParams({ q: text, limit: String(limit) })}`,
        )
      ).items,
  });
