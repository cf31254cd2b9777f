import { Alert, Button, EmptyState, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconLock, IconPlus, IconWebhook } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { type Webhook, webhooksPerOrganization } from "../../contract/webhooks";
import { errorMessage, isApiError } from "../api/errors";
import { meQuery } from "../api/me";
import { queryKeys } from "../api/queryKeys";
import { deleteWebhook, updateWebhook, webhooksQuery } from "../api/webhooks";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatDateTime, formatRelative } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { canManagePeople } from "../components/roles";
import { useNow } from "../components/useNow";
import { AddWebhookModal } from "./AddWebhookModal";
import { DeliveriesDrawer } from "./DeliveriesDrawer";
import { EditWebhookModal } from "./EditWebhookModal";
import { WebhookCard } from "./WebhookCard";
import { endpointName, type InstantFormats } from "./webhookStatus";
import type { WebhooksSearch } from "./webhooksSearch";

interface WebhooksPageProps {
  search: WebhooksSearch;
  onSearchChange: (search: WebhooksSearch) => void;
}

/** What waits for the viewer's yes: turning an endpoint off, or deleting it. */
type Pending = { kind: "off" | "delete"; webhook: Webhook };

/** The organization's webhook endpoints, for owners and admins: add, change, turn off or on, delete, read deliveries. */
export function WebhooksPage({ search, onSearchChange }: WebhooksPageProps) {
  const me = useSuspenseQuery(meQuery).data;
  const allowed = canManagePeople(me.role);
  const queryClient = useQueryClient();
  const webhooks = useQuery({ ...webhooksQuery, enabled: allowed });
  const now = useNow();
  const formats = useMemo<InstantFormats>(
    () => ({ now, exact: formatDateTime, relative: (instant) => formatRelative(instant, now) }),
    [now],
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks });
  const change = useMutation({
    mutationFn: ({ kind, webhook }: Pending | { kind: "on"; webhook: Webhook }) =>
      kind === "delete"
        ? deleteWebhook(webhook.id)
        : updateWebhook(webhook.id, { enabled: kind === "on" }).then(() => undefined),
    onSuccess: async (_answer, { kind, webhook }) => {
      if (kind === "delete" && search.deliveries === webhook.id) onSearchChange({});
      await refresh();
      setPending(null);
    },
  });
  const closeDialog = () => {
    setPending(null);
    change.reset();
  };

  const list = webhooks.data ?? [];
  const atCap = list.length >= webhooksPerOrganization;
  const header = (
    <PageHeader
      title="Webhooks"
      description="Endpoints of other systems that Docket tells, as it happens, when tasks, requests, one-on-ones and goals change. Each delivery is signed and retried for a day."
      actions={
        allowed && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setAdding(true)}
            disabled={atCap}
          >
            Add endpoint
          </Button>
        )
      }
    />
  );

  if (!allowed || isApiError(webhooks.error, 403)) {
    return (
      <>
        {header}
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock aria-hidden />}
          title="Only owners and admins see webhooks"
          maw={860}
        >
          Ask an owner or admin of your organization to connect Docket to another system.
        </Alert>
      </>
    );
  }
  if (webhooks.isError) {
    return (
      <>
        {header}
        <QueryError error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      </>
    );
  }
  if (webhooks.isPending) {
    return (
      <>
        {header}
        <Skeleton height={200} radius="md" maw={860} aria-label="Loading the webhooks" />
      </>
    );
  }

  const open = list.find((webhook) => webhook.id === search.deliveries) ?? null;
  return (
    <>
      {header}
      <Stack gap="md" maw={860}>
        {atCap && (
          <Text size="sm" c="dimmed">
            An organization has at most {webhooksPerOrganization} endpoints: delete one you no longer need to
            add another.
          </Text>
        )}
        {list.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <EmptyState
              size="sm"
              icon={<IconWebhook aria-hidden />}
              title="No endpoints yet"
              description="Add one to send events to another system: a chat integration, an automation, your own service."
            />
          </Paper>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} aria-label="Endpoints">
            {list.map((webhook) => (
              <WebhookCard
                key={webhook.id}
                webhook={webhook}
                formats={formats}
                onDeliveries={() => onSearchChange({ deliveries: webhook.id })}
                onEdit={() => setEditing(webhook)}
                onTurnOff={() => setPending({ kind: "off", webhook })}
                onTurnOn={() => change.mutate({ kind: "on", webhook })}
                turningOn={
                  change.isPending &&
                  change.variables.kind === "on" &&
                  change.variables.webhook.id === webhook.id
                }
                onDelete={() => setPending({ kind: "delete", webhook })}
              />
            ))}
          </Stack>
        )}
        {change.isError && pending === null && (
          <Alert color="red" role="alert">
            {errorMessage(change.error)}
          </Alert>
        )}
      </Stack>
      <AddWebhookModal opened={adding} onClose={() => setAdding(false)} />
      <EditWebhookModal webhook={editing} onClose={() => setEditing(null)} />
      <DeliveriesDrawer webhook={open} formats={formats} onClose={() => onSearchChange({})} />
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.kind === "delete" ? "Delete this endpoint?" : "Turn this endpoint off?"}
        confirmLabel={pending?.kind === "delete" ? "Delete endpoint" : "Turn off"}
        pending={change.isPending}
        onConfirm={() => pending && change.mutate(pending)}
        onClose={closeDialog}
      >
        {pending?.kind === "delete"
          ? `Nothing more is sent to “${pending ? endpointName(pending.webhook) : ""}”, and its deliveries log goes with it. This cannot be undone.`
          : `Nothing more is sent to “${pending ? endpointName(pending.webhook) : ""}”, and what waits to be sent to it is dropped. You can turn it on again later.`}
        {change.isError && pending !== null && (
          <Text component="span" display="block" c="red" size="sm" mt="sm" role="alert">
            {errorMessage(change.error)}
          </Text>
        )}
      </ConfirmDialog>
    </>
  );
}
