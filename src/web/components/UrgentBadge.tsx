import { Badge } from "@mantine/core";
import { IconFlame } from "@tabler/icons-react";

/** The mark of a task its requester said cannot wait. */
export function UrgentBadge() {
  return (
    <Badge
      color="red"
      variant="outline"
      radius="sm"
      tt="none"
      leftSection={<IconFlame size={12} aria-hidden />}
    >
      Urgent
    </Badge>
  );
}
