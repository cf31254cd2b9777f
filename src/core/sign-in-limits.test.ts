import { describe, expect, it } from "vitest";
import {
  addressGroup,
  afterAttempt,
  attemptKeys,
  type CountedAttempt,
  scopeWindowEnd,
  secondsToWait,
  signInLimits,
} from "./sign-in-limits";

const now = new Date("2026-03-29T01:30:00Z");
const inSeconds = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const counted = (scope: CountedAttempt["scope"], count: number, resetInSeconds: number): CountedAttempt => ({
  scope,
  count,
  resetAt: inSeconds(resetInSeconds),
});

describe("attemptKeys", () => {
  it("counts an attempt under the account at the address, the address, and the account, in that order", () => {
    expect(attemptKeys(" Ada@Example.com ", "203.0.113.7")).toEqual([
      { scope: "accountAtAddress", key: "account-at-address:203.0.113.7 ada@example.com" },
      { scope: "address", key: "address:203.0.113.7" },
      { scope: "account", key: "account:ada@example.com" },
    ]);
  });

  it("gives the same account at different addresses different keys, and the same account key", () => {
    const [here, there] = [
      attemptKeys("ada@example.com", "192.0.2.1"),
      attemptKeys("ada@example.com", "192.0.2.2"),
    ];
    expect(here[0]?.key).not.toBe(there[0]?.key);
    expect(here[1]?.key).not.toBe(there[1]?.key);
    expect(here[2]?.key).toBe(there[2]?.key);
  });
});

describe("addressGroup", () => {
  it("keeps IPv4 addresses as they are, also when mapped into IPv6", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::FFFF:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts IPv6 addresses by their /64 network, however they are written", () => {
    const group = "2001:db8:85a3:0::/64";
    expect(addressGroup("2001:db8:85a3::8a2e:370:7334")).toBe(group);
    expect(addressGroup("2001:0db8:85a3:0000:0000:8a2e:0370:7334")).toBe(group);
    expect(addressGroup("2001:DB8:85A3:0:ffff:ffff:ffff:1")).toBe(group);
    expect(addressGroup("2001:db8:85a3::1%eth0")).toBe(group);
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });

  it("takes anything it cannot read as it is", () => {
    expect(addressGroup("not an address")).toBe("not an address");
    expect(addressGroup("1::2::3")).toBe("1::2::3");
    expect(addressGroup("1:2:3:4:5:6:7:8:9")).toBe("1:2:3:4:5:6:7:8:9");
    expect(addressGroup("2001:db8:zz::1")).toBe("2001:db8:zz::1");
  });
});

describe("scopeWindowEnd", () => {
  it("ends each scope's window its length after now", () => {
    expect(scopeWindowEnd("accountAtAddress", now).getTime() - now.getTime()).toBe(
      signInLimits.accountAtAddress.windowMs,
    );
    expect(scopeWindowEnd("account", now).getTime() - now.getTime()).toBe(signInLimits.account.windowMs);
  });
});

describe("the limits", () => {
  it("let the account alone take many more failures than the account at one address", () => {
    expect(signInLimits.account.max).toBeGreaterThanOrEqual(5 * signInLimits.accountAtAddress.max);
    expect(signInLimits.address.max).toBeGreaterThan(signInLimits.accountAtAddress.max);
  });
});

describe("secondsToWait", () => {
  it("lets an attempt go ahead while every count is within its limit", () => {
    const max = signInLimits.accountAtAddress.max;
    expect(
      secondsToWait(
        [counted("accountAtAddress", max, 60), counted("address", 1, 60), counted("account", 1, 60)],
        now,
      ),
    ).toBeNull();
  });

  it("refuses an attempt past a limit until that key's window ends", () => {
    const max = signInLimits.accountAtAddress.max;
    expect(
      secondsToWait(
        [counted("accountAtAddress", max + 1, 90), counted("address", 2, 600), counted("account", 2, 600)],
        now,
      ),
    ).toBe(90);
  });

  it("waits for the longest of the limits it went past", () => {
    expect(
      secondsToWait(
        [
          counted("accountAtAddress", signInLimits.accountAtAddress.max + 1, 30),
          counted("address", signInLimits.address.max + 1, 400),
          counted("account", 1, 900),
        ],
        now,
      ),
    ).toBe(400);
  });

  it("rounds up to whole seconds, and never answers less than one", () => {
    const over = signInLimits.account.max + 1;
    expect(secondsToWait([counted("account", over, 0.2)], now)).toBe(1);
    expect(secondsToWait([counted("account", over, 0)], now)).toBe(1);
    expect(secondsToWait([counted("account", over, 12.001)], now)).toBe(13);
  });
});

describe("afterAttempt", () => {
  it("keeps a wrong password counted everywhere", () => {
    expect(afterAttempt("wrong")).toEqual({ forgive: [], takeBack: [] });
  });

  it("takes a right password back, and forgives that account's failures at that address only", () => {
    expect(afterAttempt("right")).toEqual({
      forgive: ["accountAtAddress"],
      takeBack: ["address", "account"],
    });
  });

  it("takes back an attempt whose password was never checked", () => {
    expect(afterAttempt("unchecked")).toEqual({
      forgive: [],
      takeBack: ["accountAtAddress", "address", "account"],
    });
  });
});
