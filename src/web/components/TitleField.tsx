import { TextInput, type TextInputProps } from "@mantine/core";
import type { Ref } from "react";
import { TITLE_LIMIT, titleCounter, titleLength, titleProblem } from "./titleLimit";

type TitleFieldProps = Omit<TextInputProps, "value" | "maxLength"> & {
  value?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * The title of a task or a request. Nothing typed or pasted is cut: near the limit the field counts,
 * and past it says how much to take out (the form refuses to send it until then).
 */
export function TitleField({ value = "", error, description, ...props }: TitleFieldProps) {
  const tooLong = titleLength(value) > TITLE_LIMIT ? titleProblem(value, "") : null;
  const counter = titleCounter(value);
  return (
    <TextInput
      {...props}
      value={value}
      error={error || tooLong}
      description={counter ?? description}
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
