import type { AuditEvent, Role } from "../../contract";

/** What a sentence needs besides the entry: people's names. */
export interface AuditSentenceContext {
  /** A person's name by id, undefined when they are not in the directory. */
  nameOf: (personId: string) => string | undefined;
}

type AuditValue = AuditEvent["from"];

const quoted = (text: string) => `“${text}”`;

const DAY_MS = 24 * 60 * 60 * 1000;

const ROLE_WITH_ARTICLE: Record<Role, string> = { owner: "an owner", admin: "an admin", member: "a member" };

const isRole = (value: unknown): value is Role =>
  value === "owner" || value === "admin" || value === "member";

const asRecord = (value: AuditValue): Record<string, unknown> =>
  typeof value === "object" && value !== null ? value : {};

const asString = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;

const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** The organization's rules as the settings page names them, in the order it shows them. */
const RULES: { key: string; describe: (from: string, to: string) => string }[] = [
  { key: "urgentPerWeek", describe: (from, to) => `urgent items per week ${from} → ${to}` },
  { key: "staleAfterDays", describe: (from, to) => `ask “still needed?” after ${from} → ${to} days` },
];

function rulesChanged(from: AuditValue, to: AuditValue): string[] {
  const [was, now] = [asRecord(from), asRecord(to)];
  return RULES.flatMap(({ key, describe }) => {
    const [before, after] = [asNumber(was[key]), asNumber(now[key])];
    if (after === null || before === after) return [];
    return [describe(before === null ? "?" : String(before), String(after))];
  });
}

/**
 * One audit entry as a plain sentence, "Olivia Owner made Ivy Invited an admin (was member)". People
 * missing from the directory read "someone".
 */
export function auditSentence(event: AuditEvent, ctx: AuditSentenceContext): string {
  const name = (id: string | null | undefined) => (id ? ctx.nameOf(id) : undefined) ?? "someone";
  const actor = ctx.nameOf(event.actorId) ?? "Someone";
  const person = name(event.personId);
  const { from, to } = event;

  switch (event.action) {
    case "organization.created": {
      const orgName = asString(asRecord(to).name);
      return `${actor} created the organization${orgName ? ` ${quoted(orgName)}` : ""}`;
    }
    case "organization.renamed": {
      const [was, now] = [asString(from), asString(to)];
      return `${actor} renamed the organization${now ? ` to ${quoted(now)}` : ""}${was ? ` (was ${quoted(was)})` : ""}`;
    }
    case "organization.settings_changed": {
      const changes = rulesChanged(from, to);
      return changes.length > 0
        ? `${actor} changed the organization's rules: ${changes.join(", ")}`
        : `${actor} changed the organization's rules`;
    }
    case "person.role_changed": {
      const was = isRole(from) ? ` (was ${from})` : "";
      return isRole(to)
        ? `${actor} made ${person} ${ROLE_WITH_ARTICLE[to]}${was}`
        : `${actor} changed ${person}'s role${was}`;
    }
    case "person.manager_changed": {
      const was = typeof from === "string" ? ` (was ${name(from)})` : " (was no one)";
      return typeof to === "string"
        ? `${actor} moved ${person} to report to ${name(to)}${was}`
        : `${actor} made ${person} report to no one${was}`;
    }
    case "person.title_changed": {
      const [was, now] = [asString(from), asString(to)];
      const before = was ? ` (was ${quoted(was)})` : "";
      return now
        ? `${actor} changed ${person}'s title to ${quoted(now)}${before}`
        : `${actor} removed ${person}'s title${before}`;
    }
    case "invitation.created": {
      const invited = asRecord(to);
      const email = asString(invited.email) ?? "someone";
      const role = isRole(invited.role) ? ` as ${invited.role}` : "";
      const manager = asString(invited.managerId);
      return `${actor} invited ${email}${role}${manager ? `, reporting to ${name(manager)}` : ""}`;
    }
    case "invitation.revoked": {
      const email = asString(asRecord(from).email);
      return `${actor} withdrew the invitation${email ? ` to ${email}` : ""}`;
    }
    case "invitation.accepted": {
      const role = asRecord(to).role;
      return `${actor} joined by invitation${isRole(role) ? ` as ${role}` : ""}`;
    }
    case "token.created": {
      const token = asRecord(to);
      const name = asString(token.name);
      const expiresAt = asString(token.expiresAt);
      const days = expiresAt ? Math.round((Date.parse(expiresAt) - Date.parse(event.at)) / DAY_MS) : null;
      const lifetime =
        days === null ? " that works until revoked" : ` for ${days} day${days === 1 ? "" : "s"}`;
      return `${actor} created the API token${name ? ` ${quoted(name)}` : ""}${Number.isNaN(days) ? "" : lifetime}`;
    }
    case "token.revoked": {
      const name = asString(asRecord(from).name);
      return `${actor} revoked the API token${name ? ` ${quoted(name)}` : ""}`;
    }
    case "person.password_changed":
      return event.personId && event.personId !== event.actorId
        ? `${actor} changed ${person}'s password`
        : `${actor} changed their password`;
    case "person.password_reset": {
      const whose = event.personId && event.personId !== event.actorId ? `${person}'s` : "their";
      const revoked = asNumber(asRecord(to).tokensRevoked) ?? 0;
      const tokens =
        revoked > 0
          ? `, which revoked ${whose} ${revoked === 1 ? "API token" : `${revoked} API tokens`}, made before the address was confirmed`
          : "";
      return `${actor} reset ${whose} password with a link mailed to them${tokens}`;
    }
    case "webhook.created":
    case "webhook.changed":
    case "webhook.deleted": {
      const endpoint = asRecord(event.action === "webhook.deleted" ? from : to);
      const what = asString(endpoint.description) ?? asString(endpoint.origin);
      const named = what ? ` ${quoted(what)}` : "";
      if (event.action === "webhook.created") return `${actor} added the webhook${named}`;
      if (event.action === "webhook.deleted") return `${actor} deleted the webhook${named}`;
      const [wasOn, isOn] = [asRecord(from).enabled, endpoint.enabled];
      if (wasOn === true && isOn === false) return `${actor} turned off the webhook${named}`;
      if (wasOn === false && isOn === true) return `${actor} turned the webhook${named} on again`;
      return `${actor} changed the webhook${named}`;
    }
    case "webhook.resent":
      return `${actor} sent a webhook delivery again`;
    default:
      /* An action newer than this page. */
      return `${actor} changed something in the organization`;
  }
}
