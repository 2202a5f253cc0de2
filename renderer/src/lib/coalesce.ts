// Turns a burst of triggers into one call: the first trigger arms a timer, the rest ride along.
// Used for refetching state after stream events (a run finishing emits several at once).

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

export interface Coalesced {
  /** Schedules the call unless one is already scheduled. */
  trigger(): void;
  /** Drops a scheduled call. */
  cancel(): void;
}

/** Calls `task` at most once per `ms` window of triggers. */
export function coalesce(task: () => void, ms: number, timers: Timers = browserTimers): Coalesced {
  let handle: unknown = null;
  return {
    trigger() {
      if (handle !== null) return;
      handle = timers.setTimeout(() => {
        handle = null;
        task();
      }, ms);
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}

/** Drops replies to all but the latest request: `const ticket = latest.next(); …; if (latest.isCurrent(ticket))`. */
export class LatestOnly {
  #counter = 0;
  next(): number {
    this.#counter += 1;
    return this.#counter;
  }
  isCurrent(ticket: number): boolean {
    return ticket === this.#counter;
  }
}
