import { Alert, Button, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { queryKeys } from "../api/queryKeys";
import { verifyEmail } from "../api/recovery";
import { usePageTitle } from "../components/usePageTitle";
import { AuthCard } from "./AuthCard";
import { readVerificationLink, tokenFromFragment } from "./recoveryLinks";

type Outcome = "confirmed" | "refused" | null;

/**
 * Where a verification link leads. The address is confirmed by a click, not by opening the page: a
 * mail program that opens links to look at them confirms nothing, and someone who did not make the
 * account can read whose address it names and leave.
 */
export function VerifyEmailPage() {
  usePageTitle("Confirm your address");
  const queryClient = useQueryClient();
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, []);
  const link = token ? readVerificationLink(token, new Date()) : null;

  const confirm = async () => {
    if (!token) return;
    setBusy(true);
    try {
      await verifyEmail(token);
      await queryClient.invalidateQueries({ queryKey: queryKeys.emailVerified });
      setOutcome("confirmed");
    } catch {
      setOutcome("refused");
    } finally {
      setBusy(false);
    }
  };

  const home = <Button renderRoot={(props) => <Link to="/" {...props} />}>Go to Docket</Button>;

  return (
    <AuthCard title="Confirm your address">
      {!token || !link ? (
        <Text>This page works with the link from your e-mail; open the whole link.</Text>
      ) : outcome === "confirmed" ? (
        <Stack>
          <Text role="status">{link.email ?? "Your address"} is confirmed. Thank you.</Text>
          {home}
        </Stack>
      ) : link.expired || outcome === "refused" ? (
        <Alert color="red" role="alert" title="This link cannot be used">
          {link.expired
            ? "It has expired: a confirmation link works for 24 hours."
            : "It is not a valid confirmation link: it may have been cut short."}{" "}
          Signed in, you can have a new one sent.
        </Alert>
      ) : (
        <Stack>
          <Text>
            Confirm that {link.email ?? "this address"} is yours. If you did not make a Docket account with
            it, close this page.
          </Text>
          <Button onClick={confirm} loading={busy}>
            Confirm my address
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
