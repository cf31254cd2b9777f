import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, type Member, signUp } from "./support/factories";
import { useHarness } from "./support/harness";

type Problem = { status: number; errors?: { path: string; message: string }[] };

const meFields = [
  "away",
  "digest",
  "email",
  "id",
  "managerId",
  "name",
  "organizationId",
  "role",
  "timeZone",
  "title",
  "workingHours",
];

describe.each(dialects)("me on %s", (dialect) => {
  const h = useHarness(dialect);

  /**
   * Refused patches all go to one account: each compares it before and after, so even a patch wrongly
   * accepted fails only its own test.
   */
  let refusing: Member;
  beforeAll(async () => {
    refusing = await signUp(h.app, "Rex Refused");
  });

  /** A patch that must be refused with 400 naming `path`, leaving everything as it was. */
  async function expectRefused(body: unknown, path: string) {
    const ada = refusing;
    const before = await ada.client.get("/api/v1/me");
    const answer = await ada.client.patch<Problem>("/api/v1/me", body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors?.map((error) => error.path)).toContain(path);
    expect((await ada.client.get("/api/v1/me")).body).toEqual(before.body);
  }

  it("answers who I am, with my schedule and its defaults", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const me = await ada.client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(Object.keys(me.body).sort()).toEqual(meFields);
    expect(me.body).toEqual({
      id: ada.id,
      name: "Ada Lovelace",
      email: ada.email,
      organizationId: null,
      role: null,
      managerId: null,
      title: null,
      timeZone: "UTC",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
      digest: { times: ["09:00"], days: [1, 2, 3, 4, 5] },
      away: null,
    });
  });

  it("shows my organization and role once I have one", async () => {
    const olivia = await founder(h.app, "Olivia Owner");
    expect((await olivia.client.get("/api/v1/me")).body).toMatchObject({
      organizationId: olivia.organizationId,
      role: "owner",
      managerId: null,
    });
  });

  it("answers 401 problem+json to anyone not signed in", async () => {
    for (const answer of [
      await new Client(h.app).get("/api/v1/me"),
      await new Client(h.app).patch("/api/v1/me", { name: "Nobody" }),
      await new Client(h.app, { cookie: "docket.session_token=forged.value" }).get("/api/v1/me"),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("changes my name (trimmed), and only what was sent", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const before = (await ada.client.get("/api/v1/me")).body;
    const answer = await ada.client.patch("/api/v1/me", { name: "  Countess of Lovelace " });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...before, name: "Countess of Lovelace" });
    expect((await ada.client.get("/api/v1/me")).body).toEqual(answer.body);
  });

  it("answers an empty patch with me, unchanged", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const before = (await ada.client.get("/api/v1/me")).body;
    const answer = await ada.client.patch("/api/v1/me", {});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(before);
  });

  it.each([
    ["europe/paris", "Europe/Paris"],
    ["AMERICA/NEW_YORK", "America/New_York"],
    ["Asia/Kathmandu", "Asia/Kathmandu"],
    ["asia/kolkata", "Asia/Kolkata"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"],
    ["utc", "UTC"],
  ])("accepts the time zone %s and answers it as %s", async (given, canonical) => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const answer = await ada.client.patch("/api/v1/me", { timeZone: given });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.timeZone).toBe(canonical);
    expect((await ada.client.get("/api/v1/me")).body.timeZone).toBe(canonical);
  });

  it.each(["Mars/Olympus", "", "Europe/../Paris", "+01:00", "x".repeat(65)])(
    "refuses the time zone %j with 400, changing nothing",
    (timeZone) => expectRefused({ timeZone }, "timeZone"),
  );

  it("changes my working hours, with days in order", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const answer = await ada.client.patch("/api/v1/me", {
      workingHours: { days: [7, 2, 1], start: "08:00", end: "12:30" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.workingHours).toEqual({ days: [1, 2, 7], start: "08:00", end: "12:30" });
    expect((await ada.client.get("/api/v1/me")).body.workingHours).toEqual(answer.body.workingHours);
  });

  it.each([
    ["ending before they start", { days: [1], start: "17:00", end: "09:00" }, "workingHours.end"],
    ["ending as they start", { days: [1], start: "09:00", end: "09:00" }, "workingHours.end"],
    ["on day 0", { days: [0, 1], start: "09:00", end: "17:00" }, "workingHours.days.0"],
    ["on day 8", { days: [1, 8], start: "09:00", end: "17:00" }, "workingHours.days.1"],
    ["on a day twice", { days: [1, 1], start: "09:00", end: "17:00" }, "workingHours.days"],
    ["at 24:00", { days: [1], start: "09:00", end: "24:00" }, "workingHours.end"],
    ["at 9am", { days: [1], start: "9am", end: "17:00" }, "workingHours.start"],
    ["without an end", { days: [1], start: "09:00" }, "workingHours.end"],
  ])("refuses working hours %s with 400, changing nothing", (_, workingHours, path) =>
    expectRefused({ workingHours }, path),
  );

  it("changes my digest times and days, in order", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const answer = await ada.client.patch("/api/v1/me", {
      digest: { times: ["17:00", "08:15"], days: [5, 1, 3] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.digest).toEqual({ times: ["08:15", "17:00"], days: [1, 3, 5] });
    const none = await ada.client.patch("/api/v1/me", { digest: { times: [], days: [] } });
    expect(none.body.digest).toEqual({ times: [], days: [] });
  });

  it.each([
    ["a time that is not HH:MM", { times: ["8:15"], days: [1] }, "digest.times.0"],
    ["a time given twice", { times: ["08:00", "08:00"], days: [1] }, "digest.times"],
    ["a day outside 1..7", { times: ["08:00"], days: [9] }, "digest.days.0"],
    ["an unknown field", { times: ["08:00"], days: [1], zone: "UTC" }, "digest.zone"],
  ])("refuses a digest with %s with 400, changing nothing", (_, digest, path) =>
    expectRefused({ digest }, path),
  );

  it("sets an away period, and clears it with null", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const away = { from: "2030-07-01", until: "2030-07-14" };
    const set = await ada.client.patch("/api/v1/me", { away });
    expect(set.status).toBe(200);
    expect(set.body.away).toEqual(away);
    expect((await ada.client.get("/api/v1/me")).body.away).toEqual(away);

    const oneDay = await ada.client.patch("/api/v1/me", {
      away: { from: "2030-08-01", until: "2030-08-01" },
    });
    expect(oneDay.body.away).toEqual({ from: "2030-08-01", until: "2030-08-01" });

    const cleared = await ada.client.patch("/api/v1/me", { away: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.away).toBeNull();
    expect((await ada.client.get("/api/v1/me")).body.away).toBeNull();
  });

  it.each([
    ["ending before it starts", { from: "2030-07-14", until: "2030-07-01" }, "away.until"],
    ["on a date that does not exist", { from: "2030-02-30", until: "2030-03-01" }, "away.from"],
    ["without an end", { from: "2030-07-01" }, "away.until"],
  ])("refuses an away period %s with 400, changing nothing", (_, away, path) =>
    expectRefused({ away }, path),
  );

  it.each([
    ["an unknown field", { name: "Ada", favouriteColour: "green" }, "favouriteColour"],
    ["a field of someone else's to change", { role: "owner" }, "role"],
    ["an e-mail change", { email: "new@example.com" }, "email"],
    ["a name of the wrong type", { name: 42 }, "name"],
    ["an empty name", { name: "  " }, "name"],
  ])("refuses %s with 400, changing nothing", (_, body, path) => expectRefused(body, path));

  it("changes nothing at all when one field of a patch is refused", async () => {
    const ada = await signUp(h.app, "Ada Lovelace");
    const before = (await ada.client.get("/api/v1/me")).body;
    const answer = await ada.client.patch<Problem>("/api/v1/me", {
      name: "Countess of Lovelace",
      timeZone: "Europe/Paris",
      away: { from: "2030-07-14", until: "2030-07-01" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((error) => error.path)).toEqual(["away.until"]);
    expect((await ada.client.get("/api/v1/me")).body).toEqual(before);
  });
});
