/** The source of "now". Injected everywhere so that time-dependent rules are tested without waiting. */
export interface Clock {
  now(): Date;
}

/** A clock that stands still until moved: for tests and simulations. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date | string) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(instant: Date | string): void {
    this.#now = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.#now = new Date(this.#now.getTime() + milliseconds);
  }
}
