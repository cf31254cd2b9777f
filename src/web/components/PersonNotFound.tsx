import { EmptyState } from "@mantine/core";
import { IconUserQuestion } from "@tabler/icons-react";

/** A person's page opened by a link to nobody this viewer can see. */
export function PersonNotFound() {
  return (
    <EmptyState
      mt="xl"
      icon={<IconUserQuestion aria-hidden />}
      title="Nobody by that link"
      description="This person is not in your organization, or the address is mistyped."
    />
  );
}
