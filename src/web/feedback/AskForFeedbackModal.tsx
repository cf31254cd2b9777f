import { Modal } from "@mantine/core";
import { AskForFeedbackForm } from "./AskForFeedbackForm";

interface AskForFeedbackModalProps {
  opened: boolean;
  onClose: () => void;
  onAsked: () => void;
}

export function AskForFeedbackModal({ opened, onClose, onAsked }: AskForFeedbackModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Ask for feedback" size="lg">
      {opened && <AskForFeedbackForm onAsked={onAsked} onCancel={onClose} />}
    </Modal>
  );
}
