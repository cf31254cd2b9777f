import { escapeHtml, type RenderedMail } from "../../core/digest-render";

/** The e-mail that carries an invitation's link to the person invited. */
export function invitationMail(input: {
  inviterName: string;
  organizationName: string;
  url: string;
  expiresAt: string;
}): RenderedMail {
  const expires = new Date(input.expiresAt).toUTCString();
  const subject = `${input.inviterName} invited you to ${input.organizationName} on Docket`;
  const text = [
    `${input.inviterName} invited you to join ${input.organizationName} on Docket.`,
    "",
    `Accept the invitation: ${input.url}`,
    "",
    `The link works once and expires ${expires}.`,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(input.inviterName)} invited you to join <strong>${escapeHtml(input.organizationName)}</strong> on Docket.</p>`,
    `<p><a href="${escapeHtml(input.url)}">Accept the invitation</a></p>`,
    `<p>The link works once and expires ${escapeHtml(expires)}.</p>`,
  ].join("\n");
  return { subject, text, html };
}
