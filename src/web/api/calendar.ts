import { queryOptions } from "@tanstack/react-query";
import type { CalendarFeed, CalendarFeedAddress } from "../../contract";
import { apiFetch } from "./client";

const path = "/api/v1/me/calendar";

/** Whether I have a calendar address, and since when: the address itself is shown only when made. */
export const calendarFeedQuery = queryOptions({
  queryKey: ["calendar-feed"] as const,
  queryFn: () => apiFetch<CalendarFeed>(path),
});

/** A new address; the one before stops working. */
export function createCalendarFeed(): Promise<CalendarFeedAddress> {
  return apiFetch<CalendarFeedAddress>(path, { method: "POST" });
}

export function stopCalendarFeed(): Promise<void> {
  return apiFetch<void>(path, { method: "DELETE" });
}
