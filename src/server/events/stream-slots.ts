import { AppError } from "../../core/errors";

/** How long a refused caller is asked to wait: streams end when their tabs close, so soon. */
const retryAfterSeconds = 30;

/**
 * The live streams open on this instance: at most so many per person and so many in all. A stream
 * takes a slot before it starts and gives it back when it ends; beyond either bound, 429.
 */
export class StreamSlots {
  readonly #perPerson = new Map<string, number>();
  #total = 0;

  constructor(private readonly limits: () => { perPerson: number; perInstance: number }) {}

  /** Takes a slot for one of `personId`'s streams, or throws 429. Answers the slot's release (safe to call twice). */
  take(personId: string): () => void {
    const { perPerson, perInstance } = this.limits();
    const held = this.#perPerson.get(personId) ?? 0;
    if (held >= perPerson) {
      throw new AppError(
        "too_many_requests",
        `You have ${held} live update streams open already, the most one person may: close a tab or window of Docket and try again.`,
        { retryAfterSeconds },
      );
    }
    if (this.#total >= perInstance) {
      throw new AppError(
        "too_many_requests",
        "This server holds as many live update streams as it can right now. Try again shortly.",
        { retryAfterSeconds },
      );
    }
    this.#perPerson.set(personId, held + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perPerson.get(personId) ?? 1) - 1;
      if (left > 0) this.#perPerson.set(personId, left);
      else this.#perPerson.delete(personId);
    };
  }

  /** Streams open now: everyone's, or one person's. */
  open(personId?: string): number {
    return personId === undefined ? this.#total : (this.#perPerson.get(personId) ?? 0);
  }
}
