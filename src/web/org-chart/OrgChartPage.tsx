import { Alert, Anchor, Paper, Skeleton, Stack } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { buildOrgTree } from "./buildOrgTree";
import classes from "./OrgChart.module.css";
import { OrgChartNode } from "./OrgChartNode";

function ChartSkeleton() {
  return (
    <Stack gap="sm" aria-label="Loading org chart">
      <Skeleton height={56} width={280} radius="md" />
      <Skeleton height={56} width={280} radius="md" ml={32} />
      <Skeleton height={56} width={280} radius="md" ml={32} />
    </Stack>
  );
}

export function OrgChartPage() {
  const me = useSuspenseQuery(meQuery).data;
  const people = useQuery(peopleQuery);
  const tree = useMemo(() => buildOrgTree(people.data ?? []), [people.data]);
  const nobodyHasManager = (people.data ?? []).every((person) => !person.managerId);

  return (
    <>
      <PageHeader
        title="Org chart"
        description="Who reports to whom. People without a manager sit at the top."
      />
      {people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : people.isPending ? (
        <ChartSkeleton />
      ) : (
        <Stack>
          {nobodyHasManager && (
            <Alert icon={<IconInfoCircle aria-hidden />} color="indigo" variant="light">
              Nobody reports to anyone yet.{" "}
              <Anchor renderRoot={(props) => <Link to="/people" {...props} />}>
                Set managers on the People page
              </Anchor>{" "}
              to draw the chart.
            </Alert>
          )}
          <Paper withBorder radius="md" p="lg" style={{ overflowX: "auto" }}>
            <ul className={classes.roots} aria-label="Org chart">
              {tree.map((node) => (
                <OrgChartNode key={node.person.id} node={node} meId={me.id} />
              ))}
            </ul>
          </Paper>
        </Stack>
      )}
    </>
  );
}
