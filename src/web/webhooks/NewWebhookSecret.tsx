import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import type { CreatedWebhook } from "../../contract";
import { CopyableSecret } from "../components/CopyableSecret";

/** The signing secret of an endpoint just made, shown this once, and how a receiver checks with it. */
export function NewWebhookSecret({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title="Endpoint added" role="status">
        Copy its signing secret now: it will not be shown again.
      </Alert>
      <CopyableSecret label="Signing secret" value={webhook.secret} focusOnMount />
      <Text size="sm">
        Every delivery is signed as the Standard Webhooks specification says, with the headers{" "}
        <Code>webhook-id</Code>, <Code>webhook-timestamp</Code> and <Code>webhook-signature</Code>. Before
        trusting a request, verify it with this secret and the raw body as it arrived, using one of the
        Standard Webhooks libraries (for JavaScript, <Code>new Webhook(secret).verify(body, headers)</Code> of
        the <Code>standardwebhooks</Code> package; there are libraries for Python, Go, Ruby, PHP, Java and
        more). The same <Code>webhook-id</Code> comes with every attempt, so a receiver can tell a retry from
        a new event.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
