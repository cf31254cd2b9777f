/**
 * Answers of a pure function remembered by key, at most `capacity` of them: when full, the one used
 * least recently is forgotten. For answers that cost far more to work out than to look up.
 */
export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("capacity must be a whole number ≥ 1");
  }

  /** How many answers are remembered. */
  get size(): number {
    return this.#entries.size;
  }

  /** The answer remembered under `key`; when there is none, `compute`'s, remembered. A throw is not. */
  remember(key: string, compute: () => V): V {
    const entries = this.#entries;
    if (entries.has(key)) {
      const value = entries.get(key) as V;
      // Refresh its place as most recently used.
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
