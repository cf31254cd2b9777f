import { Modal } from "@mantine/core";
import { GiveFeedbackForm, type GiveFeedbackFormProps } from "./GiveFeedbackForm";

interface GiveFeedbackModalProps extends Omit<GiveFeedbackFormProps, "onCancel"> {
  opened: boolean;
  onClose: () => void;
}

/** The give-feedback form in a dialog: from a finished task, a request to answer, or the Feedback page. */
export function GiveFeedbackModal({ opened, onClose, ...form }: GiveFeedbackModalProps) {
  const title = form.answering
    ? "Answer a request for feedback"
    : form.task
      ? "Say thanks or give feedback"
      : "Give feedback";
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && <GiveFeedbackForm {...form} onCancel={onClose} />}
    </Modal>
  );
}
