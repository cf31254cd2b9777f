import { verificationLinkLifetimeSeconds } from "../../core/account-recovery";
import { escapeHtml, type RenderedMail } from "../../core/digest-render";

/*
 * The mails of account recovery carry no text anyone typed (not even the account's name): whoever
 * asks for one chooses only the address it goes to, so Docket never relays someone's words to it.
 * In the plain text, the link is on a line of its own.
 */

const styles = {
  body: "font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5;max-width:640px",
  link: "color:#1c7ed6",
  footer: "margin-top:24px;font-size:13px;color:#57606a",
};

interface MailParts {
  subject: string;
  /** What happened. */
  intro: string;
  /** What the link does, before it in the plain text ("…, open this link:"). */
  invitation: string;
  /** The link's words in the HTML part. */
  label: string;
  url: string;
  validity: string;
  footer: string;
}

function render(parts: MailParts): RenderedMail {
  const text = [
    `${parts.intro} ${parts.invitation}`,
    "",
    parts.url,
    "",
    parts.validity,
    "",
    parts.footer,
    "",
  ];
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    `<body style="${styles.body}">`,
    `<p>${escapeHtml(parts.intro)}</p>`,
    `<p><a style="${styles.link}" href="${escapeHtml(parts.url)}">${escapeHtml(parts.label)}</a></p>`,
    `<p>${escapeHtml(parts.validity)}</p>`,
    `<p style="${styles.footer}">${escapeHtml(parts.footer)}</p>`,
    "</body></html>",
    "",
  ];
  return { subject: parts.subject, text: text.join("\n"), html: html.join("\n") };
}

/** The link to choose a new password, good once until `expiresAt`. */
export function passwordResetMail(input: { email: string; url: string; expiresAt: Date }): RenderedMail {
  return render({
    subject: "Choose a new Docket password",
    intro: `Someone asked to reset the password of the Docket account of ${input.email}.`,
    invitation: "To choose a new password, open this link:",
    label: "Choose a new password",
    url: input.url,
    validity: `The link works once, until ${input.expiresAt.toUTCString()}. Setting a new password signs the account out everywhere.`,
    footer: "If you did not ask for this, ignore this message: the password stays as it is.",
  });
}

/** The link that verifies the address of an account. */
export function verificationMail(input: { email: string; url: string }): RenderedMail {
  return render({
    subject: "Confirm your e-mail address for Docket",
    intro: `A Docket account was made with ${input.email}.`,
    invitation: "If it is yours, confirm the address with this link:",
    label: "Confirm my address",
    url: input.url,
    validity: `The link works for ${verificationLinkLifetimeSeconds / 3600} hours.`,
    footer:
      "If you did not make this account, ignore this message and do not open the link: an invitation to this address can still give you an account of your own.",
  });
}
