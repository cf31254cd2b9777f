import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors";
import { StreamSlots } from "./stream-slots";

const refusal = (take: () => unknown): AppError => {
  try {
    take();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("StreamSlots", () => {
  it("refuses a person's stream past their limit with 429 and a wait, and takes it again once one ends", () => {
    const slots = new StreamSlots(() => ({ perPerson: 2, perInstance: 10 }));
    const first = slots.take("ada");
    slots.take("ada");
    const refused = refusal(() => slots.take("ada"));
    expect(refused.code).toBe("too_many_requests");
    expect(refused.status).toBe(429);
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.message).toMatch(/2 live update streams open/);
    // Someone else is not held back by Ada's streams.
    slots.take("bob");
    first();
    first();
    expect(slots.open("ada")).toBe(1);
    slots.take("ada");
    expect(slots.open()).toBe(3);
  });

  it("refuses anyone's stream once the instance holds its limit", () => {
    const slots = new StreamSlots(() => ({ perPerson: 5, perInstance: 2 }));
    const ada = slots.take("ada");
    slots.take("bob");
    const refused = refusal(() => slots.take("cy"));
    expect(refused.status).toBe(429);
    expect(refused.message).toMatch(/This server holds as many live update streams as it can/);
    ada();
    slots.take("cy");
    expect(slots.open()).toBe(2);
    expect(slots.open("ada")).toBe(0);
  });
});
