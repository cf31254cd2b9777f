import { Alert, Button, Drawer, EmptyState, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconRefresh, IconSend } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeliveryPage, Webhook } from "../../contract";
import { errorMessage } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import { deliveryPagesQuery, sendDeliveryAgain } from "../api/webhooks";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { DeliveryItem } from "./DeliveryItem";
import { endpointName, type InstantFormats } from "./webhookStatus";

/** While something waits to be sent, the log is read again this often. */
const PENDING_REFRESH_MS = 5_000;

const anyPending = (pages: readonly DeliveryPage[] | undefined) =>
  (pages ?? []).some((page) => page.items.some((delivery) => delivery.status === "pending"));

function DeliveryLog({ webhook, formats }: { webhook: Webhook; formats: InstantFormats }) {
  const queryClient = useQueryClient();
  const deliveries = useInfiniteQuery({
    ...deliveryPagesQuery(webhook.id),
    refetchInterval: (query) => (anyPending(query.state.data?.pages) ? PENDING_REFRESH_MS : false),
  });
  const refresh = () =>
    // The endpoint's own state (failing, turned off) moves with its deliveries.
    queryClient.invalidateQueries({ queryKey: queryKeys.webhooks });
  const sendAgain = useMutation({
    mutationFn: (deliveryId: string) => sendDeliveryAgain(webhook.id, deliveryId),
    onSettled: refresh,
  });

  if (deliveries.isError)
    return <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.isPending) return <Skeleton height={200} radius="md" aria-label="Loading the deliveries" />;
  const items = deliveries.data.pages.flatMap((page) => page.items);
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          Newest first. Each is sent with the same <code>webhook-id</code> on every attempt.
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void refresh()}
          loading={deliveries.isRefetching && !deliveries.isFetchingNextPage}
        >
          Refresh
        </Button>
      </Group>
      {sendAgain.isError && (
        <Alert color="red" role="alert">
          {errorMessage(sendAgain.error)}
        </Alert>
      )}
      {!webhook.enabled && (
        <Alert color="gray" variant="light">
          This endpoint is off: turn it on again to send anything to it.
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconSend aria-hidden />}
          title="Nothing sent yet"
          description="Each event this endpoint takes shows here once it happens, with every attempt to deliver it."
        />
      ) : (
        <Stack component="ol" gap={0} m={0} p={0} aria-label="Deliveries" style={{ listStyle: "none" }}>
          {items.map((delivery, index) => (
            <DeliveryItem
              key={delivery.id}
              delivery={delivery}
              formats={formats}
              divided={index > 0}
              canSend={webhook.enabled}
              onSendAgain={() => sendAgain.mutate(delivery.id)}
              sending={sendAgain.isPending && sendAgain.variables === delivery.id}
            />
          ))}
        </Stack>
      )}
      <ShowMoreButton list={deliveries} />
    </Stack>
  );
}

interface DeliveriesDrawerProps {
  /** The endpoint whose log is open, or null when none is. */
  webhook: Webhook | null;
  formats: InstantFormats;
  onClose: () => void;
}

/** An endpoint's deliveries log beside the list of endpoints. */
export function DeliveriesDrawer({ webhook, formats, onClose }: DeliveriesDrawerProps) {
  return (
    <Drawer
      opened={webhook !== null}
      onClose={onClose}
      position="right"
      size="lg"
      closeButtonProps={{ "aria-label": "Close the deliveries" }}
      title={webhook ? `Deliveries to ${endpointName(webhook)}` : "Deliveries"}
    >
      {webhook && <DeliveryLog key={webhook.id} webhook={webhook} formats={formats} />}
    </Drawer>
  );
}
