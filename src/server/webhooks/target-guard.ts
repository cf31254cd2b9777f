import type { LookupAddress, LookupOneOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Where a webhook may not be sent: the server's own loopback, private networks, link-local
 * addresses (cloud metadata services live there), multicast, the unspecified address and the
 * reserved ranges. IPv4 rules also cover the IPv4-mapped IPv6 form of each address (`::ffff:a.b.c.d`).
 * Checked on every address a name resolves to, at the moment of connecting, so that a name which
 * resolved publicly when the endpoint was made and privately later (DNS rebinding) is refused too.
 */
export type RefusedKind = "unspecified" | "loopback" | "link-local" | "private" | "multicast" | "reserved";

type Range = [address: string, prefix: number];

const ranges: Record<RefusedKind, { v4: Range[]; v6: Range[] }> = {
  unspecified: { v4: [["0.0.0.0", 8]], v6: [["::", 128]] },
  loopback: { v4: [["127.0.0.0", 8]], v6: [["::1", 128]] },
  "link-local": { v4: [["169.254.0.0", 16]], v6: [["fe80::", 10]] },
  private: {
    v4: [
      ["10.0.0.0", 8],
      ["172.16.0.0", 12],
      ["192.168.0.0", 16],
      // Carrier-grade NAT, shared address space.
      ["100.64.0.0", 10],
    ],
    v6: [
      // Unique local, and the deprecated site-local.
      ["fc00::", 7],
      ["fec0::", 10],
    ],
  },
  multicast: { v4: [["224.0.0.0", 4]], v6: [["ff00::", 8]] },
  reserved: {
    v4: [
      ["192.0.0.0", 24],
      ["192.0.2.0", 24],
      ["192.88.99.0", 24],
      ["198.18.0.0", 15],
      ["198.51.100.0", 24],
      ["203.0.113.0", 24],
      // Reserved for future use, and the broadcast address.
      ["240.0.0.0", 4],
    ],
    v6: [
      // IPv4-compatible (deprecated); NAT64 and its local use, which reach IPv4 networks behind a translator.
      ["::", 96],
      ["64:ff9b::", 96],
      ["64:ff9b:1::", 48],
      ["100::", 64],
      ["2001::", 23],
      ["2001:db8::", 32],
      // 6to4, which carries an IPv4 address inside.
      ["2002::", 16],
      ["3fff::", 20],
      ["5f00::", 16],
    ],
  },
};

/** The first kind that matches wins: `::1` is loopback before it is IPv4-compatible. */
const order: RefusedKind[] = ["unspecified", "loopback", "link-local", "private", "multicast", "reserved"];

const lists = new Map<RefusedKind, BlockList>(
  order.map((kind) => {
    const list = new BlockList();
    for (const [address, prefix] of ranges[kind].v4) list.addSubnet(address, prefix, "ipv4");
    for (const [address, prefix] of ranges[kind].v6) list.addSubnet(address, prefix, "ipv6");
    return [kind, list];
  }),
);

/** Which kind of address a webhook may not reach `address` is; null for a public address. Not an address: reserved. */
export function refusedKind(address: string): RefusedKind | null {
  const family = isIP(address);
  if (family === 0) return "reserved";
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const kind of order) if (lists.get(kind)?.check(address, type)) return kind;
  return null;
}

/** A webhook's target that the guard refused: answered 422 when an endpoint is made, recorded as a failed attempt when sending. */
export class RefusedTarget extends Error {
  readonly code = "WEBHOOK_TARGET_REFUSED";

  constructor(
    readonly host: string,
    readonly kind: RefusedKind,
  ) {
    super(
      `${host} ${isIP(host) ? "is" : "resolves to"} ${kind === "unspecified" ? "the unspecified" : `a ${kind}`} address, which webhooks may not reach`,
    );
    this.name = "RefusedTarget";
  }
}

/** The host of a URL as a resolver or `isIP` takes it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** The refusal of an address literal as a URL's host, or null when it is public or a name. */
export function refusedLiteral(host: string): RefusedTarget | null {
  if (isIP(host) === 0) return null;
  const kind = refusedKind(host);
  return kind === null ? null : new RefusedTarget(host, kind);
}

/**
 * A `lookup` for a connection to a webhook's target: resolves through `resolve`, and refuses the
 * connection when any address of the name is one webhooks may not reach, so the address connected to
 * is always one that was checked. (A literal address is not looked up at all: see `refusedLiteral`.)
 */
export function guardedLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, "", 0);
      const addresses = found as LookupAddress[];
      for (const { address } of addresses) {
        const kind = refusedKind(address);
        if (kind !== null) return callback(new RefusedTarget(hostname, kind), "", 0);
      }
      const [first] = addresses;
      if (first === undefined) {
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/** Every address `host` resolves to, through a `lookup` like the one connections use. */
export function resolveAll(resolve: LookupFunction, host: string): Promise<LookupAddress[]> {
  return new Promise((done, fail) => {
    resolve(host, { all: true } as unknown as LookupOneOptions, (error, found) => {
      if (error) fail(error);
      else done(found as LookupAddress[]);
    });
  });
}
