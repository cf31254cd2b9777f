import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";

/** Done work gets a check, dropped work a quiet cross: dropping is a normal outcome, not a failure. */
export function FinishedIcon({ state }: { state: "done" | "dropped" }) {
  return state === "done" ? (
    <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden style={{ flexShrink: 0 }} />
  ) : (
    <IconCircleX size={20} color="var(--mantine-color-gray-5)" aria-hidden style={{ flexShrink: 0 }} />
  );
}
