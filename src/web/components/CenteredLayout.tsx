import { Box, Center, Container, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Logo } from "./Logo";

/** The frame of the pages seen outside an organization: sign in, sign up, welcome, invitation. */
export function CenteredLayout({ children }: { children: ReactNode }) {
  return (
    <Box bg="var(--docket-color-page)" mih="100vh" py={48}>
      <Container size={440}>
        <Center mb="xl">
          <Logo />
        </Center>
        <main>{children}</main>
        <Group justify="center" mt="xl">
          <Text size="xs" c="dimmed">
            Docket: one shared, ordered plate of work per person.
          </Text>
        </Group>
      </Container>
    </Box>
  );
}
