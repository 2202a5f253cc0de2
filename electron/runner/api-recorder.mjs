// Collects the API requests of one run. Records are capped so a chatty job cannot bloat the
// result message, but the summary is computed over every request.

/** @typedef {import('../shared/contract.js').ApiRequest} ApiRequest */
/** @typedef {import('../shared/contract.js').ApiSummary} ApiSummary */

/** How many request records a run keeps; the summary still covers all requests. */
export const MAX_REQUEST_RECORDS = 1000;

/**
 * Creates a recorder that keeps the first `limit` records and the latency of every request.
 * @param {number} [limit]
 */
export function createApiRecorder(limit = MAX_REQUEST_RECORDS) {
  /** @type {ApiRequest[]} */
  const records = [];
  /** @type {number[]} */
  const seconds = [];
  let errors = 0;
  return {
    /** @param {ApiRequest} request */
    add(request) {
      seconds.push(request.seconds);
      if (!request.ok) errors++;
      if (records.length < limit) records.push(request);
    },
    /** @returns {ApiRequest[]} */
    records: () => records.slice(),
    /** @returns {ApiSummary | null} */
    summary: () => summarize(seconds, errors),
  };
}

/** @typedef {ReturnType<typeof createApiRecorder>} ApiRecorder */

/**
 * Count, errors, mean, p95 (nearest rank) and max of latencies in seconds; null when there are none.
 * @param {readonly number[]} seconds
 * @param {number} errors
 * @returns {ApiSummary | null}
 */
export function summarize(seconds, errors) {
  if (seconds.length === 0) return null;
  const sorted = Float64Array.from(seconds).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const rank = Math.ceil(0.95 * sorted.length) - 1;
  return {
    count: sorted.length,
    errors,
    mean: total / sorted.length,
    p95: sorted[rank] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}
