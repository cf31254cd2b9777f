import type { LookupAddress } from "node:dns";
import { mkdtempSync, rmSync } from "node:fs";
import type { LookupFunction } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config";
import { webhookSettings } from "../src/server/webhooks/settings";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, expectProblem } from "./support/tasks";
import {
  addEndpoint,
  deliver,
  deliveriesOf,
  expectEverySignatureValid,
  type Receiver,
  startReceiver,
  verified,
} from "./support/webhooks";

/**
 * A resolver that answers `names[hostname]` (one address or several), as `dns.lookup` would, and
 * anything else as not found. Injected through the application's context: connections and the
 * check at creation both resolve through it, so what it answers is what is connected to.
 */
function resolverOf(names: Record<string, string | string[]>): LookupFunction {
  return (hostname, options, callback) => {
    const found = names[hostname];
    if (found === undefined) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      return;
    }
    const all: LookupAddress[] = [found]
      .flat()
      .map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if ((options as { all?: boolean }).all) callback(null, all);
    else callback(null, all[0]?.address ?? "", all[0]?.family ?? 4);
  };
}

describe("WEBHOOK_ALLOW_PRIVATE", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-webhook-config-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (value?: string) =>
    loadConfig({
      DATA_DIR: dataDir,
      AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
      ...(value === undefined ? {} : { WEBHOOK_ALLOW_PRIVATE: value }),
    });

  it("is off unless set to true, and then the application's webhooks may reach private targets", () => {
    expect(load().webhookAllowPrivate).toBe(false);
    expect(load("false").webhookAllowPrivate).toBe(false);
    expect(load("true").webhookAllowPrivate).toBe(true);
    expect(webhookSettings(load("true"))).toMatchObject({ allowPrivate: true, timeoutMs: 10_000 });
    expect(webhookSettings(load())).toMatchObject({ allowPrivate: false });
    expect(() => load("sometimes")).toThrow('WEBHOOK_ALLOW_PRIVATE must be true or false, not "sometimes"');
  });
});

describe.each(dialects)("the webhook target guard on %s", (dialect) => {
  const h = useHarness(dialect);
  let receiver: Receiver;
  let owner: Member & { organizationId: string };
  const systemLookup = () => h.ctx.webhooks.lookup;
  let realLookup: LookupFunction;

  beforeAll(async () => {
    realLookup = systemLookup();
    receiver = await startReceiver(() => h.clock.now());
    owner = await founder(h.app, "Olivia Owner");
  });
  afterAll(() => receiver?.close());
  // Every request the receiver got was signed with its endpoint's secret.
  afterEach(() => expectEverySignatureValid(receiver));
  beforeEach(() => {
    // As configured by default: WEBHOOK_ALLOW_PRIVATE unset, names resolved by the system.
    h.ctx.webhooks.allowPrivate = false;
    h.ctx.webhooks.lookup = realLookup;
    receiver.received.length = 0;
  });

  it("refuses loopback, private, link-local and mapped addresses, and names resolving to them, when an endpoint is made", async () => {
    const refused: [string, string][] = [
      [
        `http://127.0.0.1:${receiver.port}/hook`,
        "127.0.0.1 is a loopback address, which webhooks may not reach",
      ],
      ["http://[::1]/hook", "::1 is a loopback address, which webhooks may not reach"],
      ["https://10.1.2.3/hook", "10.1.2.3 is a private address, which webhooks may not reach"],
      ["https://192.168.0.10/hook", "192.168.0.10 is a private address, which webhooks may not reach"],
      [
        "http://169.254.169.254/latest/meta-data/",
        "169.254.169.254 is a link-local address, which webhooks may not reach",
      ],
      ["http://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 is a loopback address, which webhooks may not reach"],
      ["http://[fd00::5]/hook", "fd00::5 is a private address, which webhooks may not reach"],
      ["http://0.0.0.0/hook", "0.0.0.0 is the unspecified address, which webhooks may not reach"],
      ["http://224.0.0.1/hook", "224.0.0.1 is a multicast address, which webhooks may not reach"],
      [
        `http://localhost:${receiver.port}/hook`,
        "localhost resolves to a loopback address, which webhooks may not reach",
      ],
    ];
    for (const [url, message] of refused) {
      const answer = await owner.client.post("/api/v1/webhooks", { url, events: ["task.created"] });
      const problem = expectProblem(answer, 422, "url");
      expect(problem.detail, url).toBe(message);
    }
    h.ctx.webhooks.lookup = resolverOf({ "intranet.example.com": ["93.184.216.34", "10.0.0.8"] });
    const mixed = await owner.client.post("/api/v1/webhooks", {
      url: "https://intranet.example.com/hook",
      events: ["task.created"],
    });
    expect(expectProblem(mixed, 422, "url").detail).toBe(
      "intranet.example.com resolves to a private address, which webhooks may not reach",
    );
    const listed = await owner.client.get<{ items: unknown[] }>("/api/v1/webhooks");
    expect(listed.body.items).toEqual([]);
  });

  it("checks the address connected to: a name that resolved publicly, then to loopback (DNS rebinding), is refused", async () => {
    const team = await founder(h.app, "Rena Rebind");
    const names: Record<string, string> = { "hooks.rebind.test": "93.184.216.34" };
    h.ctx.webhooks.lookup = resolverOf(names);
    const endpoint = await addEndpoint(team, `http://hooks.rebind.test:${receiver.port}/rebound`, [
      "task.created",
    ]);

    // The name now points at the server's own loopback, where the receiver listens.
    names["hooks.rebind.test"] = "127.0.0.1";
    await addTask(team, team.id, { title: "Aimed at loopback" });
    expect(await deliver(h.ctx)).toEqual({ delivered: 0, failed: 1 });
    expect(receiver.received).toEqual([]);
    const [refused] = (await deliveriesOf(team, endpoint.id)).items;
    expect(refused?.attempts).toEqual([
      {
        at: expect.any(String),
        status: null,
        error: "hooks.rebind.test resolves to a loopback address, which webhooks may not reach",
        durationMs: expect.any(Number),
      },
    ]);

    // With WEBHOOK_ALLOW_PRIVATE the same resolver's answer is where it goes: the refusal above was the guard's.
    h.ctx.webhooks.allowPrivate = true;
    const again = await team.client.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${refused?.id}/retry`);
    expect(again.status).toBe(202);
    expect(await deliver(h.ctx)).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((received) => verified(endpoint.secret, received).id)).toEqual([
      refused?.id,
    ]);
  });

  it("refuses at connection time an address literal that is no longer allowed, and an IPv4-mapped loopback", async () => {
    const team = await founder(h.app, "Lena Literal");
    h.ctx.webhooks.allowPrivate = true;
    const plain = await addEndpoint(team, receiver.url("/literal"), ["task.created"]);
    const mapped = await addEndpoint(team, `http://[::ffff:127.0.0.1]:${receiver.port}/mapped`, [
      "task.created",
    ]);
    h.ctx.webhooks.allowPrivate = false;
    await addTask(team, team.id, { title: "Aimed at a literal" });
    expect(await deliver(h.ctx)).toEqual({ delivered: 0, failed: 2 });
    expect(receiver.received).toEqual([]);
    const [plainAttempt] = (await deliveriesOf(team, plain.id)).items[0]?.attempts ?? [];
    const [mappedAttempt] = (await deliveriesOf(team, mapped.id)).items[0]?.attempts ?? [];
    expect(plainAttempt?.error).toBe("127.0.0.1 is a loopback address, which webhooks may not reach");
    expect(mappedAttempt?.error).toBe("::ffff:7f00:1 is a loopback address, which webhooks may not reach");
  });

  it("allows private targets with WEBHOOK_ALLOW_PRIVATE=true", async () => {
    h.ctx.webhooks.allowPrivate = true;
    const team = await founder(h.app, "Paula Private");
    const endpoint = await addEndpoint(team, `http://localhost:${receiver.port}/local`, ["task.created"]);
    await addTask(team, team.id, { title: "Local" });
    expect(await deliver(h.ctx)).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((received) => verified(endpoint.secret, received).type)).toEqual([
      "task.created",
    ]);
  });
});
