import { Button, Text } from "@mantine/core";
import { IconHeartHandshake } from "@tabler/icons-react";
import { useState } from "react";
import { loadedWhenOpen } from "../components/loadedWhenOpen";

const GiveFeedbackModal = loadedWhenOpen(
  () => import("./GiveFeedbackModal").then((m) => m.GiveFeedbackModal),
  (props: { opened: boolean }) => props.opened,
);

interface SayThanksButtonProps {
  task: { id: string; title: string; ownerId: string };
}

/**
 * On a finished task of someone else's: one click opens the feedback form with the task and its
 * owner filled in. The form's code loads on that click, not with the page.
 */
export function SayThanksButton({ task }: SayThanksButtonProps) {
  const [opened, setOpened] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <>
      {sentTo ? (
        <Text size="xs" c="teal" role="status" style={{ whiteSpace: "nowrap" }}>
          Sent to {sentTo}
        </Text>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          color="pink"
          leftSection={<IconHeartHandshake size={14} aria-hidden />}
          aria-label={`Say thanks or give feedback for “${task.title}”`}
          onClick={() => setOpened(true)}
        >
          Say thanks
        </Button>
      )}
      <GiveFeedbackModal
        opened={opened}
        onClose={() => setOpened(false)}
        toId={task.ownerId}
        task={{ id: task.id, title: task.title }}
        answering={null}
        onSent={(_feedback, toName) => {
          setOpened(false);
          setSentTo(toName);
        }}
      />
    </>
  );
}
