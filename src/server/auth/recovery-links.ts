import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { recoveryLimits, resetLinkExpiresAt } from "../../core/account-recovery";
import type { Clock } from "../../core/clock";
import type { DialectName } from "../db/dialect";
import type { Database, OutboundMailTable } from "../db/schema";
import { enqueueMail } from "../mail/outbound";
import { countRequest } from "./recovery-counts";
import { passwordResetMail, verificationMail } from "./recovery-mail";
import { dropResetLink, setResetLinkExpiry } from "./reset-links";

/** What account recovery needs; better-auth is made before the rest of the application. */
export interface RecoveryDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  baseUrl: string;
  log: FastifyBaseLogger;
}

interface Recipient {
  id: string;
  email: string;
}

/*
 * The links go out through the mail queue like every other message: queued here, sent by the mail
 * job, retried while SMTP refuses. Their tokens travel in the URL's fragment, which browsers never
 * send to a server: the web page reads it, then sends a reset link's token in a request body and a
 * verification link's in better-auth's `token` query parameter, which the request log redacts.
 */

/** The page that chooses a new password with the reset link's token. */
const resetPagePath = "/reset-password";
/** The page that verifies an address with the verification link's token. */
const verifyPagePath = "/verify-email";

/**
 * Queues the reset link for `person`, unless they were mailed enough of them lately (then the link is
 * forgotten at once: nobody received it). The link expires an hour from now by Docket's clock.
 */
export async function mailResetLink(deps: RecoveryDeps, person: Recipient, token: string): Promise<void> {
  const now = deps.clock.now();
  if (!(await mayMail(deps, "password_reset", person, now))) {
    await dropResetLink(deps.db, token);
    return;
  }
  const expiresAt = resetLinkExpiresAt(now);
  const url = `${deps.baseUrl}${resetPagePath}#token=${encodeURIComponent(token)}`;
  await deps.db.transaction().execute(async (trx) => {
    await setResetLinkExpiry(trx, token, expiresAt);
    await enqueueMail(
      trx,
      {
        organizationId: null,
        personId: person.id,
        kind: "password_reset",
        to: person.email,
        ...passwordResetMail({ email: person.email, url, expiresAt }),
        notBefore: now.toISOString(),
      },
      now.toISOString(),
    );
  });
}

/** Queues the link that verifies `person`'s address, unless they were mailed enough of them lately. */
export async function mailVerificationLink(
  deps: RecoveryDeps,
  person: Recipient,
  token: string,
): Promise<void> {
  const now = deps.clock.now();
  if (!(await mayMail(deps, "email_verification", person, now))) return;
  const url = `${deps.baseUrl}${verifyPagePath}#token=${encodeURIComponent(token)}`;
  await enqueueMail(
    deps.db,
    {
      organizationId: null,
      personId: person.id,
      kind: "email_verification",
      to: person.email,
      ...verificationMail({ email: person.email, url }),
      notBefore: now.toISOString(),
    },
    now.toISOString(),
  );
}

async function mayMail(
  deps: RecoveryDeps,
  kind: OutboundMailTable["kind"],
  person: Recipient,
  now: Date,
): Promise<boolean> {
  const wait = await countRequest(deps.db, `mail:${kind}:${person.id}`, recoveryLimits.mailsPerPerson, now);
  if (wait === null) return true;
  deps.log.info({ personId: person.id, kind }, "account recovery: mail limit reached, nothing more sent");
  return false;
}
