import { Group, Skeleton, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { goalCheckInsQuery } from "../api/goals";
import { formatDateTime, formatRelative } from "../components/format";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { CheckInBadge } from "./GoalBadges";

interface CheckInListProps {
  goalId: string;
  nameOf: (id: string) => string;
  now: number;
}

/** A goal's check-ins, newest first, a page at a time. */
export function CheckInList({ goalId, nameOf, now }: CheckInListProps) {
  const list = useInfiniteQuery(goalCheckInsQuery(goalId));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton height={80} radius="md" aria-label="Loading check-ins" />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Stack
        component="ol"
        gap="sm"
        aria-label="Check-ins"
        style={{ listStyle: "none", margin: 0, padding: 0 }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <Stack gap={4}>
              <Group gap="xs">
                <CheckInBadge status={item.status} />
                <Text size="xs" c="dimmed">
                  {nameOf(item.authorId)} ·{" "}
                  <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                    {formatRelative(item.createdAt, now)}
                  </time>
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {item.note}
              </Text>
            </Stack>
          </li>
        ))}
      </Stack>
      <ShowMoreButton list={list} label="Older check-ins" />
    </Stack>
  );
}
