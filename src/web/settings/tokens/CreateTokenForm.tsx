import { Alert, Button, CloseButton, Code, Group, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "../../api/queryKeys";
import { type CreatedToken, createToken } from "../../api/tokens";
import { CopyableSecret } from "../../components/CopyableSecret";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { sameNames, splitErrors } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { LimitedTextInput } from "../../components/LimitedTextInput";
import { textProblem } from "../../components/textLimits";
import { DEFAULT_LIFETIME, expiresInDaysOf, LIFETIME_OPTIONS } from "./tokenLifetime";

function NewToken({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck aria-hidden />}
      title={`Token “${token.name}” created`}
      role="status"
      withCloseButton={false}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">
            Copy it now: it will not be shown again. Send it as <Code>Authorization: Bearer …</Code>.{" "}
            {token.expiresAt
              ? `It stops working on ${formatDateTime(token.expiresAt)}.`
              : "It works until you revoke it."}
          </Text>
          <CloseButton aria-label="Dismiss" onClick={onDismiss} />
        </Group>
        <CopyableSecret label="New token" value={token.token} focusOnMount />
      </Stack>
    </Alert>
  );
}

export function CreateTokenForm() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string; lifetime: string }>({
    initialValues: { name: "", lifetime: DEFAULT_LIFETIME },
    validate: {
      name: (value) => textProblem("tokenName", value, "Name the token after where it will be used"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const token = await createToken({ name: values.name.trim(), ...expiresInDaysOf(values.lifetime) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      form.reset();
      setCreated(token);
    } catch (error) {
      const split = splitErrors(error, (path) =>
        path === "expiresInDays" ? "lifetime" : sameNames("name")(path),
      );
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm">
          <LimitedTextInput
            kind="tokenName"
            label="Token name"
            placeholder="e.g. CLI on my laptop"
            required
            style={{ flex: 1 }}
            maw={420}
            {...form.getInputProps("name")}
          />
          <Select
            label="Expires"
            data={LIFETIME_OPTIONS}
            allowDeselect={false}
            w={150}
            {...form.getInputProps("lifetime")}
          />
          <Button type="submit" loading={form.submitting} mt={25}>
            Create token
          </Button>
        </Group>
      </form>
      <FormErrorAlert message={formError} />
      {created && <NewToken token={created} onDismiss={() => setCreated(null)} />}
    </Stack>
  );
}
