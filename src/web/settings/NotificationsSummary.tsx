import { List, Text } from "@mantine/core";
import { IconBellOff, IconClockHour9, IconMail, IconPlaneDeparture } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { digestSchedulePhrase, workingHoursPhrase } from "./scheduleSummary";
import type { SettingsValues } from "./settingsValues";

interface NotificationsSummaryProps {
  /** The form as it stands, so the summary follows each change before it is saved. */
  values: SettingsValues;
  /** Urgent items one person may send another per week, when known. */
  urgentPerWeek: number | null;
}

function Rule({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <List.Item icon={icon}>
      <Text size="sm">{children}</Text>
    </List.Item>
  );
}

const days = (values: string[]) => values.map(Number);

/** The rules of Docket's notifications, as they apply to this person with the settings below. */
export function NotificationsSummary({ values, urgentPerWeek }: NotificationsSummaryProps) {
  const digest = digestSchedulePhrase(
    { times: values.digest.times.filter(Boolean), days: days(values.digest.days) },
    values.timeZone,
  );
  const hours = workingHoursPhrase({ ...values.workingHours, days: days(values.workingHours.days) });
  const limit =
    urgentPerWeek === null
      ? "Each person can mark only a few items urgent for you per week."
      : urgentPerWeek === 0
        ? "In your organization nobody can mark your work urgent."
        : `Each person can mark at most ${urgentPerWeek} ${urgentPerWeek === 1 ? "item" : "items"} urgent for you per week.`;
  return (
    <List spacing="sm" center={false} aria-label="How Docket reaches you">
      <Rule icon={<IconBellOff size={18} aria-hidden />}>
        <strong>Nothing pings you by default.</strong> Work added to your plate, moved, re-dated or done by
        others, and answers to what you asked, are written to your Inbox and gathered into your digest.
      </Rule>
      <Rule icon={<IconMail size={18} aria-hidden />}>
        {digest} It gathers what is new and still unread in your Inbox; with nothing new, no e-mail.
      </Rule>
      <Rule icon={<IconClockHour9 size={18} aria-hidden />}>
        {hours
          ? `Urgent items from others e-mail you at once only inside your working hours (${hours}, ${values.timeZone}); marked outside them, they wait for the start of your next working period. `
          : "You have no working days, so urgent items from others never e-mail you: they wait in your Inbox and digest. "}
        {limit} Marking your own work urgent e-mails nobody.
      </Rule>
      <Rule icon={<IconPlaneDeparture size={18} aria-hidden />}>
        While you are away no digest and no urgent e-mail reaches you. On your return one “while you were
        away” digest sums up what happened.
      </Rule>
    </List>
  );
}
