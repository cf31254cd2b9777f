import { Button, EmptyState } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { errorMessage } from "../api/errors";
import { CenteredLayout } from "./CenteredLayout";

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
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
