import { Textarea, type TextareaProps } from "@mantine/core";
import type { Ref } from "react";
import { type LimitedText, lengthCounter, lengthProblem } from "./textLimits";

type LimitedTextareaProps = Omit<TextareaProps, "value" | "maxLength"> & {
  /** Which text it holds, and so how long it may be. */
  kind: LimitedText;
  value?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

/**
 * A text with a limit that may wrap onto more lines as it is written (a reason, a person's title):
 * counted near the limit and refused past it, as LimitedTextInput, and never cut.
 */
export function LimitedTextarea({ kind, value = "", error, description, ...props }: LimitedTextareaProps) {
  return (
    <Textarea
      {...props}
      value={value}
      error={error || lengthProblem(kind, value)}
      description={lengthCounter(kind, value) ?? description}
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
