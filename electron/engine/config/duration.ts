// Durations in the config are written for people: "30s", "10m", "1h", "250ms", or a number of seconds.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION_PATTERN = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;

/** A duration as written in the config. */
export type Duration = number | string;

/** Milliseconds of a duration, or null when it is not one. */
export function parseDuration(value: Duration): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : null;
  const match = DURATION_PATTERN.exec(value.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}

/** Milliseconds of a duration that the schema has already validated. */
export function durationMs(value: Duration): number {
  const ms = parseDuration(value);
  if (ms === null) throw new Error(`not a duration: ${JSON.stringify(value)}`);
  return ms;
}
