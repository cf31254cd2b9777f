import { afterEach, expect, it, vi } from "vitest";
import { apiFetch } from "../api/client";
import { createQueryClient } from "./queryClient";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("clearing the cache when the session changes forgets the answers kept for conditional reads", async () => {
  const tags: (string | null)[] = [];
  vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
    tags.push(new Headers(init.headers).get("If-None-Match"));
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { ETag: 'W/"1"' } });
  });
  const plate = "/api/v1/people/p1/tasks?state=open";
  const queryClient = createQueryClient(() => {});
  await apiFetch(plate);
  await apiFetch(plate);
  queryClient.clear();
  await apiFetch(plate);
  expect(tags).toEqual([null, 'W/"1"', null]);
});
