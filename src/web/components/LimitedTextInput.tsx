import { TextInput, type TextInputProps } from "@mantine/core";
import type { Ref } from "react";
import { type LimitedText, lengthCounter, lengthProblem } from "./textLimits";

type LimitedTextInputProps = Omit<TextInputProps, "value" | "maxLength"> & {
  /** Which text it holds, and so how long it may be. */
  kind: LimitedText;
  value?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * One line of text with a limit (a title, a name). Nothing typed or pasted is cut: near the limit
 * the field counts, and past it says how much to take out (its form refuses to send it until then).
 */
export function LimitedTextInput({ kind, value = "", error, description, ...props }: LimitedTextInputProps) {
  return (
    <TextInput
      {...props}
      value={value}
      error={error || lengthProblem(kind, value)}
      description={lengthCounter(kind, value) ?? description}
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
