import { Button, EmptyState } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { errorMessage } from "../api/errors";
import { CenteredLayout } from "./CenteredLayout";
import { usePageTitle } from "./usePageTitle";

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  usePageTitle("Page not loaded");
  return (
    <CenteredLayout>
      <EmptyState
        icon={<IconAlertTriangle aria-hidden />}
        color="red"
        title="This page could not be loaded"
        description={errorMessage(error)}
      >
        <EmptyState.Actions>
          <Button onClick={reset}>Try again</Button>
        </EmptyState.Actions>
      </EmptyState>
    </CenteredLayout>
  );
}
