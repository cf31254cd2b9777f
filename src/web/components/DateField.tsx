import { CloseButton, TextInput } from "@mantine/core";
import { type ReactNode, useRef, useState } from "react";

/** What a date field says when what it holds is not a date that exists (30 February, or half a date). */
export const UNREADABLE_DATE = "There is no such date, or it is not finished. Correct it, or clear it.";

interface DateFieldProps {
  label: string;
  /** The date as `YYYY-MM-DD`, or "" when the field holds none it can read. */
  value: string;
  onChange: (date: string) => void;
  /** Whether the field holds something typed that is not a date: the form must not send it as "no date". */
  unreadable: boolean;
  onUnreadableChange: (unreadable: boolean) => void;
  description?: ReactNode;
  /** The earliest date the browser's picker offers. */
  min?: string;
  error?: string | null;
  clearLabel: string;
}

/**
 * The browser's date field, which reads an impossible date (02/30) or a half-typed one as no date at
 * all: this one says so, keeps what was typed in view, and tells its form, which refuses to send it.
 */
export function DateField({
  label,
  value,
  onChange,
  unreadable,
  onUnreadableChange,
  description,
  min,
  error,
  clearLabel,
}: DateFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  // Typing an impossible date into an empty field changes no value, so no change event tells of it.
  const check = () => {
    const bad = input.current?.validity.badInput ?? false;
    if (bad !== unreadable) onUnreadableChange(bad);
  };
  const clear = () => {
    if (input.current) input.current.value = "";
    onChange("");
    if (unreadable) onUnreadableChange(false);
  };
  return (
    <TextInput
      ref={input}
      type="date"
      label={label}
      value={value}
      min={min}
      onChange={(event) => {
        onChange(event.currentTarget.value);
        check();
      }}
      onKeyUp={check}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        check();
      }}
      description={description}
      error={error || (unreadable && !focused ? UNREADABLE_DATE : null)}
      rightSection={
        value || unreadable ? <CloseButton size="sm" aria-label={clearLabel} onClick={clear} /> : null
      }
      rightSectionPointerEvents="all"
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
