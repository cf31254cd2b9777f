import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhooks } from "../src/server/webhooks/deliver";
import { founder, invite } from "./support/factories";
import { useHarness } from "./support/harness";
import { secondInstance } from "./support/second-instance";
import {
  addEndpoint,
  expectEverySignatureValid,
  type Receiver,
  startReceiver,
  verified,
} from "./support/webhooks";

describe("webhook delivery from two instances on postgres", () => {
  const h = useHarness("postgres");
  let receiver: Receiver;

  beforeAll(async () => {
    h.ctx.webhooks.allowPrivate = true;
    // Both instances keep real time here: the receiver's clock is the real one too.
    receiver = await startReceiver(() => new Date());
  });
  afterAll(() => receiver?.close());
  // Every request the receiver got was signed with its endpoint's secret.
  afterEach(() => expectEverySignatureValid(receiver));

  it("queues each event once whichever instance made it, and delivers it once while both send at the same time", async () => {
    const second = await secondInstance(h.database.url);
    try {
      second.ctx.webhooks.allowPrivate = true;
      h.clock.set(new Date());
      const owner = await founder(h.app, "Olivia Owner");
      const report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
      const endpoint = await addEndpoint(owner, receiver.url("/both"), ["task.created"]);
      // Each instance leases 5 at a time, and the receiver answers nothing until 10 are waiting: only
      // both instances sending at once get it past that.
      const batch = 5;
      let release: () => void = () => undefined;
      const bothSending = new Promise<void>((resolve) => {
        release = resolve;
      });
      receiver.answer = async () => {
        if (receiver.received.length >= 2 * batch) release();
        await bothSending;
        return 204;
      };
      const made: string[] = [];
      for (let index = 0; index < 40; index++) {
        const via = index % 2 === 0 ? owner.client : owner.client.on(second.app);
        const answer = await via.post<{ id: string }>(`/api/v1/people/${report.id}/tasks`, {
          title: `Task ${index}`,
        });
        expect(answer.status).toBe(201);
        made.push(answer.body.id);
      }
      const queued = await h.ctx.db
        .selectFrom("webhook_delivery")
        .select("id")
        .where("endpoint_id", "=", endpoint.id)
        .execute();
      expect(queued).toHaveLength(40);

      const [first, other] = await Promise.all([
        deliverWebhooks(h.ctx, { batch }),
        deliverWebhooks(second.ctx, { batch }),
      ]);
      expect(first.failed + other.failed).toBe(0);
      expect(first.delivered + other.delivered).toBe(40);
      expect(first.delivered).toBeGreaterThan(0);
      expect(other.delivered).toBeGreaterThan(0);

      const events = receiver.received.map((received) => verified(endpoint.secret, received));
      expect(events).toHaveLength(40);
      expect(new Set(events.map((event) => event.id)).size).toBe(40);
      expect(events.map((event) => event.body.data.id).sort()).toEqual([...made].sort());
      // Nothing is left for either instance to send again.
      const again = await Promise.all([deliverWebhooks(h.ctx), deliverWebhooks(second.ctx)]);
      expect(again).toEqual([
        { delivered: 0, failed: 0 },
        { delivered: 0, failed: 0 },
      ]);
      expect(receiver.received).toHaveLength(40);
    } finally {
      await second.close();
    }
  });
});
