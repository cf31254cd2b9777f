import type { Judged } from "../../core/record";

/** How many judged tasks one process keeps: a few hundred bytes each. */
const defaultCapacity = 50_000;

/**
 * Judged tasks, remembered by task, version and zone. A judgment depends on nothing else (every
 * change to a task, its due included, writes a new version; the zone turns its dates into instants
 * and days), so a remembered one is never stale, on this instance or beside others. Finished work
 * rarely changes: reading a record again reads no history. The least recently used go first.
 */
export class Judgments {
  readonly #judged = new Map<string, Judged>();

  constructor(private readonly capacity = defaultCapacity) {}

  get(task: { id: string; version: number }, timeZone: string): Judged | undefined {
    const key = keyOf(task, timeZone);
    const judged = this.#judged.get(key);
    if (judged) {
      this.#judged.delete(key);
      this.#judged.set(key, judged);
    }
    return judged;
  }

  set(task: { id: string; version: number }, timeZone: string, judged: Judged): void {
    this.#judged.set(keyOf(task, timeZone), judged);
    if (this.#judged.size <= this.capacity) return;
    const oldest = this.#judged.keys().next().value;
    if (oldest !== undefined) this.#judged.delete(oldest);
  }
}

const keyOf = (task: { id: string; version: number }, timeZone: string) =>
  `${task.id}\u0000${task.version}\u0000${timeZone}`;

const byDatabase = new WeakMap<object, Judgments>();

/** The judgments of one database's tasks (tests run several applications in one process). */
export function judgmentsOf(db: object): Judgments {
  let judgments = byDatabase.get(db);
  if (!judgments) {
    judgments = new Judgments();
    byDatabase.set(db, judgments);
  }
  return judgments;
}
