import { Button } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";

interface RecordLinkProps {
  owner: { id: string; name: string };
  isMine: boolean;
}

/** From a plate to what its owner finished: their record. */
export function RecordLink({ owner, isMine }: RecordLinkProps) {
  return (
    <Button
      variant="default"
      leftSection={<IconChartBar size={18} aria-hidden />}
      aria-label={isMine ? "Open my record" : `Open ${owner.name}'s record`}
      renderRoot={(props) =>
        isMine ? (
          <Link to="/record" {...props} />
        ) : (
          <Link to="/people/$id/record" params={{ id: owner.id }} {...props} />
        )
      }
    >
      Record
    </Button>
  );
}
