import { Button, Group } from "@mantine/core";

interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Reads the next page of a list read a page at a time; there only while more follow. */
export function ShowMoreButton({ list, label = "Show more" }: { list: PagedList; label?: string }) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {label}
      </Button>
    </Group>
  );
}
