import { Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { CenteredLayout } from "../components/CenteredLayout";

interface AuthCardProps {
  title: string;
  /** A line under the title saying what the page is for. */
  intro?: ReactNode;
  children: ReactNode;
  /** What stands under the card: a link to the neighbouring page. */
  after?: ReactNode;
}

/** The card of the pages about an account (sign in, sign up, recovery, verification). */
export function AuthCard({ title, intro, children, after }: AuthCardProps) {
  return (
    <CenteredLayout>
      <Paper withBorder shadow="sm" p="xl" radius="lg">
        <Title order={1} fz={22} mb={intro ? 4 : "md"}>
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm" mb="lg">
            {intro}
          </Text>
        )}
        {children}
      </Paper>
      {after && (
        <Text ta="center" size="sm" mt="md">
          {after}
        </Text>
      )}
    </CenteredLayout>
  );
}
