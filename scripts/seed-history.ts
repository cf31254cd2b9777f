/**
 * Half a year of finished work for the demo organization, so every Record page has something to
 * show: each week a few tasks per person, most on time, some late, some whose due slipped, a few
 * dropped as no longer needed. Written through the API with the demo's clock moved to each moment.
 */
import type { ManualClock } from "../src/core/clock";

type Call = <T>(
  method: "POST" | "PATCH",
  url: string,
  body: unknown,
  cookie?: string,
) => Promise<{ body: T }>;

export interface HistoryPerson {
  id: string;
  cookie: string;
  /** Who adds some of their work: their manager's session, when they have one. */
  managerCookie?: string;
  kind: "engineering" | "sales" | "leadership";
}

const work: Record<HistoryPerson["kind"], string[]> = {
  engineering: [
    "Fix the flaky integration test",
    "Review the caching change",
    "Write the design note for the export",
    "Upgrade the web framework",
    "Add metrics to the job runner",
    "Pair on the onboarding bug",
    "Clean up feature flags",
    "Postmortem action items",
  ],
  sales: [
    "Update the pipeline in the CRM",
    "Renewal proposal",
    "Follow up with trial accounts",
    "Customer reference call",
    "Pricing questions for the pilot",
    "Quarterly business review deck",
    "Security questionnaire",
  ],
  leadership: [
    "One-on-one notes",
    "Hiring loop debrief",
    "Budget review",
    "Team update for the leadership meeting",
    "Roadmap check-in",
  ],
};

const dropReasons = [
  "The customer chose another vendor",
  "Covered by the new platform work",
  "Priorities changed this quarter",
];

const dayMs = 86_400_000;
const weeks = 26;

/** A small deterministic generator: the demo reads the same on every machine. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

export async function seedHistory(
  call: Call,
  clock: ManualClock,
  people: readonly HistoryPerson[],
  until: Date,
) {
  const random = generator(42);
  const firstMonday = until.getTime() - weeks * 7 * dayMs - ((new Date(until).getUTCDay() + 6) % 7) * dayMs;
  for (let week = 0; week < weeks; week++) {
    for (const person of people) {
      const titles = work[person.kind];
      for (let n = 0, count = 2 + random(3); n < count; n++) {
        const created = firstMonday + week * 7 * dayMs + (8 + random(40)) * 3_600_000;
        await oneTask(
          call,
          clock,
          random,
          person,
          `${titles[random(titles.length)]} (week ${week + 1})`,
          created,
        );
      }
    }
  }
}

async function oneTask(
  call: Call,
  clock: ManualClock,
  random: (below: number) => number,
  person: HistoryPerson,
  title: string,
  created: number,
) {
  const dueDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const dueIn = 2 + random(5);
  const by = person.managerCookie && random(3) === 0 ? person.managerCookie : person.cookie;
  clock.set(new Date(created));
  let task = (
    await call<{ id: string; version: number }>(
      "POST",
      `/api/v1/people/${person.id}/tasks`,
      random(6) === 0 ? { title } : { title, due: { date: dueDay(created + dueIn * dayMs) } },
      by,
    )
  ).body;
  let due = created + dueIn * dayMs;
  if (random(5) === 0) {
    clock.set(new Date(created + dayMs));
    due += (1 + random(4)) * dayMs;
    task = (
      await call<{ id: string; version: number }>(
        "PATCH",
        `/api/v1/tasks/${task.id}`,
        { version: task.version, due: { date: dueDay(due) } },
        person.cookie,
      )
    ).body;
  }
  const outcome = random(10);
  const finished =
    outcome === 0 ? due + dayMs : outcome < 3 ? due + (1 + random(3)) * dayMs : due - random(2) * dayMs;
  clock.set(new Date(Math.max(finished - random(8) * 3_600_000, created + 3_600_000)));
  const change =
    outcome === 0
      ? { state: "dropped", dropReason: dropReasons[random(dropReasons.length)] }
      : { state: "done" };
  await call("PATCH", `/api/v1/tasks/${task.id}`, { version: task.version, ...change }, person.cookie);
}
