// A ticking "now" for relative times (`12 s ago`), so they age without refetching.

export class Clock {
  now = $state(0);
  readonly #read: () => number;
  readonly #tickMs: number;

  constructor(read: () => number = () => Date.now(), tickMs = 5000) {
    this.#read = read;
    this.#tickMs = tickMs;
    this.now = read();
  }

  /** Starts ticking; returns the stop function. */
  start(): () => void {
    const handle = setInterval(() => (this.now = this.#read()), this.#tickMs);
    return () => clearInterval(handle);
  }
}
