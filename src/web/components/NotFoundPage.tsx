import { Button, EmptyState } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { CenteredLayout } from "./CenteredLayout";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <CenteredLayout>
      <EmptyState
        icon={<IconMapQuestion aria-hidden />}
        title="Page not found"
        description="The address may be mistyped, or the page may have moved."
      >
        <EmptyState.Actions>
          <Button renderRoot={(props) => <Link to="/" {...props} />}>Go to Docket</Button>
        </EmptyState.Actions>
      </EmptyState>
    </CenteredLayout>
  );
}
