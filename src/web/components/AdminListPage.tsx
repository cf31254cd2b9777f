import { Alert, Button, Group, Skeleton, Stack } from "@mantine/core";
import { IconLock, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { isApiError } from "../api/errors";
import { PageHeader } from "./PageHeader";
import { QueryError } from "./QueryError";

interface PagedList {
  error: unknown;
  isError: boolean;
  isRefetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface AdminListPageProps {
  title: string;
  description: string;
  /** Whether the viewer is an owner or admin; the server says so too, with a 403. */
  allowed: boolean;
  notAllowed: { title: string; text: string };
  list: PagedList;
  /** True until everything the page shows has arrived. */
  pending: boolean;
  onRefresh: () => void;
  loadingLabel: string;
  /** The page once its list is there; "Load older" follows it when there is more. */
  children: () => ReactNode;
}

/**
 * A page of the organization's records that only owners and admins read, newest first: its header
 * with Refresh, then a "not allowed" notice, the error, the loading state, or the list and its
 * "Load older".
 */
export function AdminListPage(props: AdminListPageProps) {
  const { list, allowed } = props;
  const header = (
    <PageHeader
      title={props.title}
      description={props.description}
      actions={
        allowed && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} aria-hidden />}
            onClick={props.onRefresh}
            loading={list.isRefetching}
          >
            Refresh
          </Button>
        )
      }
    />
  );
  let body: ReactNode;
  if (!allowed || isApiError(list.error, 403)) {
    body = (
      <Alert
        color="gray"
        variant="light"
        icon={<IconLock aria-hidden />}
        title={props.notAllowed.title}
        maw={860}
      >
        {props.notAllowed.text}
      </Alert>
    );
  } else if (list.isError) {
    body = <QueryError error={list.error} onRetry={props.onRefresh} />;
  } else if (props.pending) {
    body = <Skeleton height={240} radius="md" maw={860} aria-label={props.loadingLabel} />;
  } else {
    body = (
      <Stack gap="md" maw={860}>
        {props.children()}
        {list.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Load older
            </Button>
          </Group>
        )}
      </Stack>
    );
  }
  return (
    <>
      {header}
      {body}
    </>
  );
}
