// Parses the SENTINEL_EVENTS file an external command may write: one JSON object per line, e.g.
// {"type":"api","name":"odds","seconds":0.21,"ok":true,"status":200,"method":"GET","host":"x"}.

/** @typedef {import('../shared/contract.js').ApiRequest} ApiRequest */

/**
 * Start of the name of the events files a runner creates in os.tmpdir(). The launcher removes
 * them by this prefix when a runner was killed before it could remove its own.
 * @param {number} runnerPid
 */
export function eventsFilePrefix(runnerPid) {
  return `sentinel-events-${runnerPid}-`;
}

/**
 * API requests from an events file's text, plus one warning per line that was skipped.
 * @param {string} text
 * @returns {{ requests: ApiRequest[], warnings: string[] }}
 */
export function parseEvents(text) {
  /** @type {ApiRequest[]} */
  const requests = [];
  /** @type {string[]} */
  const warnings = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const problem = (/** @type {string} */ why) =>
      warnings.push(`SENTINEL_EVENTS line ${index + 1} skipped: ${why}: ${line.slice(0, 120)}`);
    /** @type {unknown} */
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      return problem('not JSON');
    }
    const request = toApiRequest(event);
    if (typeof request === 'string') return problem(request);
    requests.push(request);
  });
  return { requests, warnings };
}

/**
 * The request an event describes, or why it is not a valid api event.
 * @param {unknown} event
 * @returns {ApiRequest | string}
 */
function toApiRequest(event) {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return 'not an object';
  const e = /** @type {Record<string, unknown>} */ (event);
  if (e.type !== 'api') return `unknown type ${JSON.stringify(e.type)}`;
  if (typeof e.name !== 'string' || e.name === '') return 'name must be a non-empty string';
  if (typeof e.seconds !== 'number' || !Number.isFinite(e.seconds) || e.seconds < 0) {
    return 'seconds must be a number >= 0';
  }
  if (typeof e.ok !== 'boolean') return 'ok must be true or false';
  return {
    name: e.name,
    method: typeof e.method === 'string' ? e.method : null,
    host: typeof e.host === 'string' ? e.host : null,
    status: typeof e.status === 'number' && Number.isInteger(e.status) ? e.status : null,
    ok: e.ok,
    error: typeof e.error === 'string' ? e.error : e.ok ? null : 'failed',
    seconds: e.seconds,
  };
}
