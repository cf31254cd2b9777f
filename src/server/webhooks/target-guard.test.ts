import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { describe, expect, it } from "vitest";
import { guardedLookup, hostOf, RefusedTarget, refusedKind, refusedLiteral } from "./target-guard";

describe("refusedKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["169.254.169.254", "link-local"],
    ["::ffff:169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["64:ff9b::a00:1", "reserved"],
    ["2002:a00:1::1", "reserved"],
    ["::127.0.0.2", "reserved"],
    ["not an address", "reserved"],
  ])("%s is %s", (address, kind) => {
    expect(refusedKind(address)).toBe(kind);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "::ffff:8.8.8.8",
    "2606:4700:4700::1111",
    "2a00:1450:4001::200e",
  ])("%s is public", (address) => {
    expect(refusedKind(address)).toBeNull();
  });
});

describe("refusedLiteral", () => {
  it("refuses an address literal, brackets and all, and leaves names to the lookup", () => {
    expect(refusedLiteral(hostOf(new URL("http://[::1]:8080/hook")))).toBeInstanceOf(RefusedTarget);
    expect(refusedLiteral(hostOf(new URL("http://[::ffff:127.0.0.1]/")))?.kind).toBe("loopback");
    expect(refusedLiteral(hostOf(new URL("https://10.0.0.7/")))?.kind).toBe("private");
    expect(refusedLiteral(hostOf(new URL("https://93.184.216.34/")))).toBeNull();
    expect(refusedLiteral(hostOf(new URL("https://hooks.example.com/")))).toBeNull();
  });
});

/** A resolver that answers `addresses` for every name, as `dns.lookup` would. */
const resolvingTo =
  (...addresses: string[]): LookupFunction =>
  (_hostname, options, callback) => {
    const all: LookupAddress[] = addresses.map((address) => ({
      address,
      family: address.includes(":") ? 6 : 4,
    }));
    if ((options as { all?: boolean }).all) callback(null, all);
    else callback(null, all[0]?.address ?? "", all[0]?.family ?? 4);
  };

function lookUp(lookup: LookupFunction, all: boolean) {
  return new Promise<{ error: NodeJS.ErrnoException | null; found: unknown; family?: number }>((done) =>
    lookup("hooks.example.com", { all } as never, (error, found, family) => done({ error, found, family })),
  );
}

describe("guardedLookup", () => {
  it("answers public addresses in the shape that was asked for", async () => {
    const lookup = guardedLookup(resolvingTo("93.184.216.34", "2606:4700:4700::1111"));
    expect(await lookUp(lookup, false)).toMatchObject({ error: null, found: "93.184.216.34", family: 4 });
    expect((await lookUp(lookup, true)).found).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700:4700::1111", family: 6 },
    ]);
  });

  it("refuses a name when any of its addresses may not be reached", async () => {
    const answer = await lookUp(guardedLookup(resolvingTo("93.184.216.34", "127.0.0.1")), true);
    expect(answer.error).toBeInstanceOf(RefusedTarget);
    expect(answer.error?.message).toBe(
      "hooks.example.com resolves to a loopback address, which webhooks may not reach",
    );
    const metadata = await lookUp(guardedLookup(resolvingTo("169.254.169.254")), false);
    expect((metadata.error as RefusedTarget).kind).toBe("link-local");
  });

  it("passes on the resolver's own failures", async () => {
    const failing: LookupFunction = (_hostname, _options, callback) =>
      callback(Object.assign(new Error("not found"), { code: "ENOTFOUND" }), "", 0);
    expect((await lookUp(guardedLookup(failing), false)).error?.code).toBe("ENOTFOUND");
  });
});
