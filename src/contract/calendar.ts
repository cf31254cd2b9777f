import { z } from "zod";
import { Instant } from "./common";

/** A new calendar address, answered once: only a digest of its secret is kept. */
export const CalendarFeedAddress = z
  .object({
    url: z.url().meta({
      description:
        "The feed's address (`…/api/v1/feeds/<secret>.ics`): anyone with it reads the calendar, so keep it like a password. It cannot be shown again.",
    }),
  })
  .meta({ id: "CalendarFeedAddress" });
export type CalendarFeedAddress = z.infer<typeof CalendarFeedAddress>;

/** Whether I have a calendar address, and since when; never the address itself. */
export const CalendarFeed = z
  .object({
    active: z.boolean(),
    createdAt: Instant.nullable().meta({
      description: "When the address that works now was made; null without one.",
    }),
  })
  .meta({ id: "CalendarFeed" });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** The feed's path parameter: whatever was asked for, so that every wrong address is the same 404. */
export const CalendarFeedParams = z.object({ secret: z.string() });
export type CalendarFeedParams = z.infer<typeof CalendarFeedParams>;
