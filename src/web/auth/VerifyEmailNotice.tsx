import { Alert, Anchor, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import { loadEmailVerified, sendVerificationEmail } from "../api/recovery";

/**
 * For someone whose address is not confirmed yet: until it is, an invitation mailed to that address
 * may replace their account (whoever made it, the invitation's recipient owns the address).
 */
export function VerifyEmailNotice({ email }: { email: string }) {
  const verified = useQuery({ queryKey: queryKeys.emailVerified, queryFn: loadEmailVerified });
  const [sent, setSent] = useState<string | null>(null);
  if (verified.data !== false) return null;

  const sendAgain = async () => {
    try {
      await sendVerificationEmail(email);
      setSent(`A new link is on its way to ${email}.`);
    } catch (error) {
      setSent(errorMessage(error));
    }
  };

  return (
    <Alert color="yellow" title="Confirm your address" mb="md">
      <Text size="sm">
        We mailed a link to {email}. Until you open it, an invitation sent to this address can replace this
        account.
      </Text>
      <Text size="sm" mt={4} role="status">
        {sent ?? (
          <Anchor component="button" type="button" size="sm" onClick={sendAgain}>
            Send the link again
          </Anchor>
        )}
      </Text>
    </Alert>
  );
}
