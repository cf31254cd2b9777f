import { Stack, Title } from "@mantine/core";
import { PageHeader } from "../../components/PageHeader";
import { CreateTokenForm } from "./CreateTokenForm";
import { TokensTable } from "./TokensTable";

export function TokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal access tokens let the command-line client, scripts and integrations act as you. Treat them like passwords."
      />
      <Stack gap="xl">
        <CreateTokenForm />
        <section aria-labelledby="your-tokens">
          <Title order={2} fz="lg" mb="sm" id="your-tokens">
            Your tokens
          </Title>
          <TokensTable />
        </section>
      </Stack>
    </>
  );
}
