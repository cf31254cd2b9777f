import { Group, Paper, Stack, Text } from "@mantine/core";
import { PersonAvatar } from "../components/PersonAvatar";
import { RoleBadge } from "../components/RoleBadge";
import { countReports, type OrgNode } from "./buildOrgTree";
import classes from "./OrgChart.module.css";

function reportsLabel(node: OrgNode): string {
  const direct = node.reports.length;
  if (direct === 0) return "No reports";
  const all = countReports(node);
  const directText = `${direct} direct report${direct === 1 ? "" : "s"}`;
  return all > direct ? `${directText}, ${all} in total` : directText;
}

export function OrgChartNode({ node, meId }: { node: OrgNode; meId: string }) {
  const { person } = node;
  return (
    <li>
      <Paper
        withBorder
        radius="md"
        px="md"
        py="sm"
        className={classes.card}
        shadow={person.id === meId ? "sm" : undefined}
      >
        <Group gap="sm" wrap="nowrap" align="center">
          <PersonAvatar name={person.name} size="md" />
          <Stack gap={0} miw={0}>
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm" truncate>
                {person.name}
              </Text>
              <RoleBadge role={person.role} />
            </Group>
            <Text size="xs" c="dimmed" truncate>
              {person.title ?? "No title"} · {reportsLabel(node)}
            </Text>
          </Stack>
        </Group>
      </Paper>
      {node.reports.length > 0 && (
        <ul className={classes.branch} aria-label={`Reports to ${person.name}`}>
          {node.reports.map((report) => (
            <OrgChartNode key={report.person.id} node={report} meId={meId} />
          ))}
        </ul>
      )}
    </li>
  );
}
