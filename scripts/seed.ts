/**
 * `npm run seed -- --demo`: creates a demo organization (a CEO, two managers, their reports across
 * time zones, everyone's plate of work, and a team request) on the configured database, through the same API a person would use, and prints how
 * to sign in. Running it again changes nothing.
 */
import { ManualClock } from "../src/core/clock";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";
import { migrateToLatest } from "../src/server/db/migrate";
import { createMailer } from "../src/server/mail/mailer";
import { findPersonByEmail } from "../src/server/people/store";
import { type HistoryPerson, seedHistory } from "./seed-history";

const password = "docket-demo-password";

interface DemoPerson {
  name: string;
  email: string;
  title: string;
  timeZone: string;
  managedBy?: string;
  role?: "admin" | "member";
}

const ceo: DemoPerson = {
  name: "Carmen Ortiz",
  email: "carmen@example.com",
  title: "CEO",
  timeZone: "America/New_York",
};
const team: DemoPerson[] = [
  {
    name: "Liam Chen",
    email: "liam@example.com",
    title: "Head of Engineering",
    timeZone: "Europe/London",
    managedBy: ceo.email,
    role: "admin",
  },
  {
    name: "Priya Nair",
    email: "priya@example.com",
    title: "Head of Sales",
    timeZone: "Asia/Kolkata",
    managedBy: ceo.email,
  },
  {
    name: "Sofia Rossi",
    email: "sofia@example.com",
    title: "Backend Engineer",
    timeZone: "Europe/Rome",
    managedBy: "liam@example.com",
  },
  {
    name: "Kenji Tanaka",
    email: "kenji@example.com",
    title: "Frontend Engineer",
    timeZone: "Asia/Tokyo",
    managedBy: "liam@example.com",
  },
  {
    name: "Ana Souza",
    email: "ana@example.com",
    title: "Site Reliability Engineer",
    timeZone: "America/Sao_Paulo",
    managedBy: "liam@example.com",
  },
  {
    name: "Noah Williams",
    email: "noah@example.com",
    title: "Account Executive",
    timeZone: "Australia/Sydney",
    managedBy: "priya@example.com",
  },
  {
    name: "Fatima Zahra",
    email: "fatima@example.com",
    title: "Account Executive",
    timeZone: "Africa/Casablanca",
    managedBy: "priya@example.com",
  },
  {
    name: "Jonas Berg",
    email: "jonas@example.com",
    title: "Sales Engineer",
    timeZone: "Europe/Stockholm",
    managedBy: "priya@example.com",
  },
];

async function main(): Promise<void> {
  if (!process.argv.includes("--demo")) {
    console.error("Usage: npm run seed -- --demo");
    process.exit(2);
  }
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.raw, database.dialect);
  const mailer = createMailer({
    smtpUrl: null,
    outboxDir: `${config.dataDir}/outbox`,
    from: "Docket <docket@localhost>",
  });
  // The organization started half a year ago: its history is written at the moments it happened.
  const now = new Date();
  const clock = new ManualClock(new Date(now.getTime() - 190 * 86_400_000));
  const { app } = await buildApp({ config, database, clock, mailer });
  try {
    if (await findPersonByEmail(database.db, ceo.email)) {
      console.log("The demo organization is already there.");
    } else {
      await seedDemo(createCaller(app, config.baseUrl), clock, now);
      console.log("Created the demo organization “Northwind Labs”.");
    }
    console.log(`\nOpen ${config.baseUrl} and sign in as any of them with the password “${password}”:`);
    for (const person of [ceo, ...team])
      console.log(`  ${person.email.padEnd(22)} ${person.name}, ${person.title} (${person.timeZone})`);
  } finally {
    await app.close();
    mailer.close();
    await database.close();
  }
}

type Caller = ReturnType<typeof createCaller>;

function createCaller(app: Awaited<ReturnType<typeof buildApp>>["app"], origin: string) {
  return async <T>(method: "POST" | "PATCH", url: string, body: unknown, cookie?: string) => {
    const response = await app.inject({
      method,
      url,
      headers: { origin, ...(cookie ? { cookie } : {}) },
      payload: body as Record<string, unknown>,
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    const setCookie = response.headers["set-cookie"];
    const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map(
      (c) => c.split(";")[0],
    );
    return { body: (response.body ? response.json() : undefined) as T, cookie: cookies.join("; ") };
  };
}

async function seedDemo(call: Caller, clock: ManualClock, now: Date): Promise<void> {
  const signUp = await call<{ user: { id: string } }>("POST", "/api/auth/sign-up/email", {
    name: ceo.name,
    email: ceo.email,
    password,
  });
  const owner = signUp.cookie;
  await call("POST", "/api/v1/organizations", { name: "Northwind Labs" }, owner);
  await call("PATCH", "/api/v1/me", { timeZone: ceo.timeZone }, owner);
  await call("PATCH", `/api/v1/people/${signUp.body.user.id}`, { title: ceo.title }, owner);

  const idOf = new Map([[ceo.email, signUp.body.user.id]]);
  const cookieOf = new Map([[ceo.email, owner]]);
  for (const person of team) {
    const managerId = person.managedBy ? idOf.get(person.managedBy) : undefined;
    const invitation = await call<{ token: string }>(
      "POST",
      "/api/v1/invitations",
      { email: person.email, role: person.role ?? "member", managerId: managerId ?? null },
      owner,
    );
    const accepted = await call<{ id: string }>(
      "POST",
      `/api/v1/invitations/${invitation.body.token}/accept`,
      {
        name: person.name,
        password,
      },
    );
    idOf.set(person.email, accepted.body.id);
    cookieOf.set(person.email, accepted.cookie);
    await call("PATCH", "/api/v1/me", { timeZone: person.timeZone }, accepted.cookie);
    await call("PATCH", `/api/v1/people/${accepted.body.id}`, { title: person.title }, owner);
  }
  await seedHistory(call, clock, historyPeople(idOf, cookieOf), now);
  clock.set(now);
  // Half a year's news was read as it came.
  for (const cookie of cookieOf.values()) await call("POST", "/api/v1/inbox/read", { all: true }, cookie);
  await seedPlates(call, idOf, cookieOf);
  await seedOneOnOne(call, idOf, cookieOf);
}

/** Everyone below the CEO has a track record; their manager adds some of their work. */
function historyPeople(idOf: Map<string, string>, cookieOf: Map<string, string>): HistoryPerson[] {
  return team.map((person) => ({
    id: idOf.get(person.email) as string,
    cookie: cookieOf.get(person.email) as string,
    ...(person.managedBy ? { managerCookie: cookieOf.get(person.managedBy) as string } : {}),
    kind: person.title.startsWith("Head")
      ? "leadership"
      : person.title.includes("Engineer") && !person.title.startsWith("Sales")
        ? "engineering"
        : "sales",
  }));
}

/** What each person has on their plate, in order; `by` adds it when it is not the owner. */
const plates: Record<
  string,
  { title: string; inDays?: number; by?: string; outcome?: "start" | "done" | "drop" }[]
> = {
  "sofia@example.com": [
    { title: "Fix the flaky billing export", inDays: 1, outcome: "start" },
    { title: "Review Kenji's caching change", inDays: 2, by: "liam@example.com" },
    { title: "Write the incident review for Tuesday's outage", inDays: 4 },
    { title: "Upgrade the database driver" },
    { title: "Migrate the job runner to the new queue", outcome: "done" },
    { title: "Prototype GraphQL gateway", outcome: "drop" },
  ],
  "kenji@example.com": [
    { title: "Ship the new onboarding flow", inDays: 3, outcome: "start" },
    { title: "Accessibility pass on the settings page", inDays: 6 },
    { title: "Update the pipeline dashboard", inDays: -1, by: "liam@example.com" },
    { title: "Design review notes", outcome: "done" },
  ],
  "ana@example.com": [
    { title: "Rotate the TLS certificates", inDays: 2, outcome: "start" },
    { title: "Capacity plan for Q1", inDays: 10, by: "liam@example.com" },
    { title: "Alert on slow queries" },
  ],
  "noah@example.com": [
    { title: "Prepare the Acme renewal proposal", inDays: 5, outcome: "start" },
    { title: "Follow up with three trial accounts" },
  ],
  "fatima@example.com": [
    { title: "Quarterly business review deck for Globex", inDays: 7 },
    { title: "Send the Q3 summary to finance", outcome: "done" },
  ],
  "jonas@example.com": [
    { title: "Demo environment for the Initech pilot", inDays: 2, outcome: "start" },
    { title: "Security questionnaire for Umbrella", inDays: 8 },
  ],
  "liam@example.com": [
    { title: "Hiring plan for two backend engineers", inDays: 7 },
    { title: "Engineering update for the board", inDays: 3, by: "carmen@example.com" },
  ],
  "priya@example.com": [
    { title: "Forecast for next quarter", inDays: 4, by: "carmen@example.com" },
    { title: "Commission plan draft", inDays: 12 },
  ],
  "carmen@example.com": [{ title: "Board meeting agenda", inDays: 9 }],
};

/** Asks from outside the owner's chain: they wait in the owner's triage. */
const asks = [
  {
    owner: "sofia@example.com",
    by: "jonas@example.com",
    title: "API walkthrough for the Initech pilot team",
  },
  { owner: "kenji@example.com", by: "priya@example.com", title: "Fix the pricing page typo" },
];

async function seedPlates(
  call: Caller,
  idOf: Map<string, string>,
  cookieOf: Map<string, string>,
): Promise<void> {
  const day = (inDays: number) => new Date(Date.now() + inDays * 86_400_000).toISOString().slice(0, 10);
  for (const [owner, items] of Object.entries(plates)) {
    for (const item of items) {
      const by = cookieOf.get(item.by ?? owner);
      const task = await call<{ id: string; version: number }>(
        "POST",
        `/api/v1/people/${idOf.get(owner)}/tasks`,
        { title: item.title, ...(item.inDays === undefined ? {} : { due: { date: day(item.inDays) } }) },
        by,
      );
      const change =
        item.outcome === "start"
          ? { state: "in_progress" }
          : item.outcome === "done"
            ? { state: "done" }
            : item.outcome === "drop"
              ? { state: "dropped", dropReason: "No longer needed" }
              : null;
      if (change) {
        await call(
          "PATCH",
          `/api/v1/tasks/${task.body.id}`,
          { version: task.body.version, ...change },
          cookieOf.get(owner),
        );
      }
    }
  }
  for (const ask of asks) {
    await call(
      "POST",
      `/api/v1/people/${idOf.get(ask.owner)}/tasks`,
      { title: ask.title },
      cookieOf.get(ask.by),
    );
  }
  // One request to a whole team; one of them has already done it.
  const request = await call<{ assignees: { personId: string; taskId: string }[] }>(
    "POST",
    "/api/v1/requests",
    {
      title: "Update the pipeline in the CRM",
      notes: "Stages and amounts as of this week, please: the forecast is built from it.",
      due: { date: day(1) },
      groups: ["direct_reports"],
    },
    cookieOf.get("priya@example.com"),
  );
  const fatima = request.body.assignees.find(
    (assignee) => assignee.personId === idOf.get("fatima@example.com"),
  );
  if (fatima) {
    await call(
      "PATCH",
      `/api/v1/tasks/${fatima.taskId}`,
      { version: 1, state: "done" },
      cookieOf.get("fatima@example.com"),
    );
  }
}

/** Priya's weekly one-on-one with Fatima, with a few talking points from both of them. */
async function seedOneOnOne(
  call: Caller,
  idOf: Map<string, string>,
  cookieOf: Map<string, string>,
): Promise<void> {
  const priya = cookieOf.get("priya@example.com");
  const fatima = cookieOf.get("fatima@example.com");
  const series = await call<{ nextMeeting: { id: string } }>(
    "POST",
    "/api/v1/one-on-ones",
    {
      withId: idOf.get("fatima@example.com"),
      cadence: { everyWeeks: 1, weekday: 4, time: "10:00", minutes: 30 },
    },
    priya,
  );
  const meetingId = series.body.nextMeeting.id;
  const points: [string | undefined, string][] = [
    [priya, "How is the Q3 pipeline looking after the CRM update?"],
    [fatima, "Could I take the lead on the Acme renewal?"],
    [fatima, "Conference budget for next spring"],
  ];
  for (const [cookie, text] of points) {
    await call("POST", `/api/v1/meetings/${meetingId}/talking-points`, { text }, cookie);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
