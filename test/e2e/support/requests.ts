import { expect, type Page } from "@playwright/test";

interface RequestAnswer {
  id: string;
  assignees: { personId: string; taskId: string; completedAt: string | null; dropReason: string | null }[];
}

/** A request as the API tells it, read with the page's cookies. */
export async function readRequest(page: Page, id: string): Promise<RequestAnswer> {
  const answer = await page.request.get(`/api/v1/requests/${encodeURIComponent(id)}`);
  expect(answer.status()).toBe(200);
  return (await answer.json()) as RequestAnswer;
}

/** An instant as the app writes it, "Mar 14, 2026, 9:30 AM", in the page's locale and zone. */
export function formatOnPage(page: Page, instant: string): Promise<string> {
  return page.evaluate(
    (value) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value)),
    instant,
  );
}
