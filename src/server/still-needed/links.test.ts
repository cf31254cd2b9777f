import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type StillNeededClaim,
  signStillNeeded,
  stillNeededLinkLifetimeMs,
  stillNeededUrls,
  verifyStillNeeded,
} from "./links";

const secret = "server-secret-0123456789abcdef";
const now = new Date("2026-11-23T09:00:00.000Z");
const nowSeconds = now.getTime() / 1000;
const claim: StillNeededClaim = {
  taskId: "task_01H",
  personId: "person_42",
  action: "drop",
  version: 7,
  expires: nowSeconds + 3600,
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const sig = (key: string, payload: string) =>
  createHmac("sha256", `still-needed:${key}`).update(payload).digest("base64url");
/** A token for any payload, correctly signed: to reach the checks after the signature. */
const forged = (payload: unknown) => {
  const encoded = b64(payload);
  return `${encoded}.${sig(secret, encoded)}`;
};

describe("signStillNeeded and verifyStillNeeded", () => {
  it("round-trip a claim", () => {
    const token = signStillNeeded(secret, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyStillNeeded(secret, token, now)).toEqual(claim);
    expect(
      verifyStillNeeded(secret, signStillNeeded(secret, { ...claim, action: "keep" }), now)?.action,
    ).toBe("keep");
  });

  it("round-trip any claim with unusual ids", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom("keep" as const, "drop" as const),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 10 ** 6 }),
        (taskId, personId, action, version, ahead) => {
          const c = { taskId, personId, action, version, expires: nowSeconds + ahead };
          expect(verifyStillNeeded(secret, signStillNeeded(secret, c), now)).toEqual(c);
        },
      ),
    );
  });

  it("refuse a token signed with another secret", () => {
    expect(verifyStillNeeded(secret, signStillNeeded("another-secret", claim), now)).toBeNull();
    expect(verifyStillNeeded("another-secret", signStillNeeded(secret, claim), now)).toBeNull();
    // An HMAC under the bare secret, without the purpose prefix, is not it either.
    const payload = signStillNeeded(secret, claim).split(".")[0] as string;
    const bare = createHmac("sha256", secret).update(payload).digest("base64url");
    expect(verifyStillNeeded(secret, `${payload}.${bare}`, now)).toBeNull();
  });

  it("refuse a tampered payload", () => {
    const [, signature] = signStillNeeded(secret, claim).split(".");
    for (const changed of [
      { ...claim, action: "keep" },
      { ...claim, taskId: "task_other" },
      { ...claim, personId: "person_43" },
      { ...claim, version: 8 },
      { ...claim, expires: claim.expires + 86_400 },
    ]) {
      const payload = b64([
        changed.taskId,
        changed.personId,
        changed.action,
        changed.version,
        changed.expires,
      ]);
      expect(verifyStillNeeded(secret, `${payload}.${signature}`, now)).toBeNull();
    }
  });

  it("refuse a token with any one character changed", () => {
    const token = signStillNeeded(secret, claim);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const other = alphabet[(alphabet.indexOf(token[i] as string) + 1) % alphabet.length];
      const tampered = `${token.slice(0, i)}${other}${token.slice(i + 1)}`;
      expect(verifyStillNeeded(secret, tampered, now)).toBeNull();
    }
  });

  it("refuse a tampered or truncated signature", () => {
    const token = signStillNeeded(secret, claim);
    expect(verifyStillNeeded(secret, token.slice(0, -1), now)).toBeNull();
    expect(verifyStillNeeded(secret, `${token}A`, now)).toBeNull();
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = Buffer.from(signature, "base64url");
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(verifyStillNeeded(secret, `${payload}.${flipped.toString("base64url")}`, now)).toBeNull();
    // Same bytes, written in standard base64: not the token that was signed.
    expect(
      verifyStillNeeded(secret, `${payload}.${Buffer.from(signature, "base64url").toString("base64")}`, now),
    ).toBeNull();
  });

  it("refuse an expired token, from the second it expires", () => {
    const token = signStillNeeded(secret, claim);
    const expiry = claim.expires * 1000;
    expect(verifyStillNeeded(secret, token, new Date(expiry - 1))).toEqual(claim);
    expect(verifyStillNeeded(secret, token, new Date(expiry))).toBeNull();
    expect(verifyStillNeeded(secret, token, new Date(expiry + 86_400_000))).toBeNull();
  });

  it("refuse garbage, empty parts and extra dots", () => {
    const token = signStillNeeded(secret, claim);
    const [payload, signature] = token.split(".") as [string, string];
    for (const garbage of [
      "",
      ".",
      "..",
      "garbage",
      "not.a-token",
      `${payload}`,
      `${payload}.`,
      `.${signature}`,
      `${token}.`,
      `${token}.${signature}`,
      `.${token}`,
      `${payload}..${signature}`,
      "💥.💥",
    ]) {
      expect(verifyStillNeeded(secret, garbage, now)).toBeNull();
    }
  });

  it("refuse garbage strings of any kind", () => {
    fc.assert(
      fc.property(fc.string(), (garbage) => {
        expect(verifyStillNeeded(secret, garbage, now)).toBeNull();
      }),
    );
  });

  it("refuse a correctly signed payload that is not a claim", () => {
    for (const payload of [
      "not json",
      { taskId: "t", personId: "p", action: "keep", version: 1, expires: nowSeconds + 60 },
      ["t", "p", "keep", 1],
      ["t", "p", "keep", 1, nowSeconds + 60, "extra"],
      [1, "p", "keep", 1, nowSeconds + 60],
      ["t", null, "keep", 1, nowSeconds + 60],
      ["t", "p", "delete", 1, nowSeconds + 60],
      ["t", "p", "keep", 1.5, nowSeconds + 60],
      ["t", "p", "keep", "1", nowSeconds + 60],
      ["t", "p", "keep", 1, String(nowSeconds + 60)],
      ["t", "p", "keep", 1, nowSeconds + 60.5],
    ]) {
      const token =
        typeof payload === "string"
          ? `${Buffer.from(payload).toString("base64url")}.${sig(secret, Buffer.from(payload).toString("base64url"))}`
          : forged(payload);
      expect(verifyStillNeeded(secret, token, now)).toBeNull();
    }
    // The same forging gives a claim when the payload is one: the checks above are what refuse.
    expect(verifyStillNeeded(secret, forged(["t", "p", "keep", 1, nowSeconds + 60]), now)).toEqual({
      taskId: "t",
      personId: "p",
      action: "keep",
      version: 1,
      expires: nowSeconds + 60,
    });
  });
});

describe("stillNeededUrls", () => {
  const base = "https://docket.example";

  it("gives a keep and a drop link for the task, the person and the version, working for a week", () => {
    const { keepUrl, dropUrl } = stillNeededUrls(
      base,
      secret,
      { taskId: "t1", personId: "p1", version: 3 },
      now,
    );
    const prefix = `${base}/still-needed/`;
    expect(keepUrl.startsWith(prefix)).toBe(true);
    expect(dropUrl.startsWith(prefix)).toBe(true);
    const expires = nowSeconds + 7 * 24 * 3600;
    expect(stillNeededLinkLifetimeMs).toBe(7 * 24 * 3600 * 1000);
    expect(verifyStillNeeded(secret, keepUrl.slice(prefix.length), now)).toEqual({
      taskId: "t1",
      personId: "p1",
      action: "keep",
      version: 3,
      expires,
    });
    expect(verifyStillNeeded(secret, dropUrl.slice(prefix.length), now)).toEqual({
      taskId: "t1",
      personId: "p1",
      action: "drop",
      version: 3,
      expires,
    });
    const lastMoment = new Date(now.getTime() + stillNeededLinkLifetimeMs - 1);
    expect(verifyStillNeeded(secret, keepUrl.slice(prefix.length), lastMoment)?.action).toBe("keep");
    const aWeekLater = new Date(now.getTime() + stillNeededLinkLifetimeMs);
    expect(verifyStillNeeded(secret, keepUrl.slice(prefix.length), aWeekLater)).toBeNull();
  });

  it("rounds the expiry down to a whole second", () => {
    const odd = new Date(now.getTime() + 999);
    const { keepUrl } = stillNeededUrls(base, secret, { taskId: "t1", personId: "p1", version: 0 }, odd);
    const token = keepUrl.split("/").at(-1) as string;
    expect(verifyStillNeeded(secret, token, odd)?.expires).toBe(nowSeconds + 7 * 24 * 3600);
  });

  it("gives tokens that need no escaping in a URL path", () => {
    const { keepUrl, dropUrl } = stillNeededUrls(
      base,
      secret,
      { taskId: "t/1?x=#é", personId: "p 1", version: 1 },
      now,
    );
    for (const url of [keepUrl, dropUrl]) {
      const token = url.slice(`${base}/still-needed/`.length);
      expect(encodeURIComponent(token)).toBe(token);
      expect(verifyStillNeeded(secret, token, now)?.taskId).toBe("t/1?x=#é");
    }
  });

  it("gives different keep and drop tokens, neither of which is the other", () => {
    const { keepUrl, dropUrl } = stillNeededUrls(
      base,
      secret,
      { taskId: "t1", personId: "p1", version: 1 },
      now,
    );
    expect(keepUrl).not.toBe(dropUrl);
    const keepSignature = keepUrl.split(".").at(-1);
    const dropPayload = dropUrl.slice(`${base}/still-needed/`.length).split(".")[0];
    expect(verifyStillNeeded(secret, `${dropPayload}.${keepSignature}`, now)).toBeNull();
  });
});
