import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/**
 * A password input whose show/hide toggle is named without the word "password", so that the field
 * stays the only thing labelled "Password" on the page, and which tells assistive technology when
 * it is invalid (Mantine's PasswordInput only styles it).
 */
export function PasswordField(props: PasswordInputProps) {
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ "aria-label": "Show typed characters" }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
