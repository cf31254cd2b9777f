/** Sends one GET with these extra headers. */
export type Send = (headers: Record<string, string>) => Promise<Response>;
/** Reads a response's body, or throws for a failed one. */
export type Read = (response: Response) => Promise<unknown>;

interface Kept {
  tag: string;
  body: unknown;
}

/**
 * Conditional reads: the body of a GET answered with an `ETag` is kept in memory with its tag, by
 * path, for the `capacity` paths read last. The next GET of the path sends `If-None-Match`; a 304
 * answers the kept body itself, so views showing it see the same object and do not render again.
 */
export function createRevalidation(capacity: number) {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  let kept = new Map<string, Kept>();

  const keep = (into: Map<string, Kept>, path: string, entry: Kept) => {
    into.delete(path);
    into.set(path, entry);
    if (into.size > capacity) into.delete(into.keys().next().value as string);
  };

  return {
    async get(path: string, send: Send, read: Read): Promise<unknown> {
      // Answers arriving after `forget` go into the map it dropped, never into the new one.
      const into = kept;
      const held = into.get(path);
      let response = await send(held ? { "If-None-Match": held.tag } : {});
      if (response.status === 304) {
        if (held) {
          if (into.get(path) === held) keep(into, path, held);
          return held.body;
        }
        response = await send({});
      }
      const tag = response.ok ? response.headers.get("ETag") : null;
      if (!tag) into.delete(path);
      const body = await read(response);
      if (tag) keep(into, path, { tag, body });
      return body;
    },
    /** Drops every kept answer: the next read of each path is a plain one. */
    forget(): void {
      kept = new Map();
    },
  };
}
