import { Checkbox, type CheckboxProps } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../api/me";
import { organizationQuery } from "../api/organizations";
import { urgentHelp } from "./urgentHelp";

interface UrgentCheckboxProps extends Omit<CheckboxProps, "label" | "description"> {
  /** The owner's first name, or null on one's own plate. */
  ownerName: string | null;
}

/** The Urgent box of a task form, saying what ticking it does with the organization's weekly limit. */
export function UrgentCheckbox({ ownerName, ...props }: UrgentCheckboxProps) {
  const me = useSuspenseQuery(meQuery).data;
  const perWeek = useQuery({
    ...organizationQuery(me.organizationId ?? ""),
    enabled: me.organizationId !== null && ownerName !== null,
  }).data?.settings?.urgentPerWeek;
  return <Checkbox label="Urgent" description={urgentHelp(ownerName, perWeek ?? null)} {...props} />;
}
