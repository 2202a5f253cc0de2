// When Sentinel raises a desktop notification, as a pure function of the event, the time and what it
// has already said. No clock and no Electron here: the caller passes `now`.
import { METRIC_UNITS, type AnomalyEvent, type EngineEvent, type ModuleStatus } from '../../shared/contract.js';
import { persistedLine, recoveredLine } from '../../engine/supervisor/status-line.js';

/** A flapping metric or module is heard from at most once per window. */
export const NOTIFY_WINDOW_MS = 10 * 60 * 1000;

/** What a notification is about. */
export type NotificationKind = 'anomaly' | 'recovered' | 'persisted' | 'errored';

/** A notification to show: its text, and the module a click opens. */
export interface SentinelNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  /** The module a click opens. */
  module: string;
}

interface Episode {
  /** When this key last raised a notification (epoch ms). */
  lastAt: number;
  /** True while an anomaly whose opening was announced is still open, so its end is announced too. */
  announcedOpen: boolean;
}

/** What the policy remembers between events. Treated as immutable: each decision returns a new one. */
export interface NotificationPolicyState {
  /** Per `anomaly:<module>:<metric>` and `errored:<module>`. */
  readonly episodes: ReadonlyMap<string, Episode>;
  /** Modules last seen errored, so only the change into `errored` counts. */
  readonly errored: ReadonlySet<string>;
}

/** The policy's answer: a notification or none, and the state to pass with the next event. */
export interface PolicyDecision {
  notification: SentinelNotification | null;
  state: NotificationPolicyState;
}

/** The state before any notification. */
export function initialNotificationState(): NotificationPolicyState {
  return { episodes: new Map(), errored: new Set() };
}

/**
 * Decides whether `event` at `now` raises a notification. An anomaly notifies at most once per
 * (module, metric) per window; its recovery or persistence always follows an announced opening, so a
 * notification never leaves the user believing an anomaly is still open; an unannounced close shares
 * the window. A module notifies once when it becomes errored, at most once per window. When disabled,
 * nothing is raised and nothing is remembered.
 */
export function decideNotification(state: NotificationPolicyState, event: EngineEvent, now: number, enabled: boolean): PolicyDecision {
  const none = { notification: null, state };
  if (!enabled) return none;
  if (event.type === 'anomaly-event') return decideAnomaly(state, event.event, now);
  if (event.type === 'module-state') return decideErrored(state, event.module, now);
  return none;
}

function decideAnomaly(state: NotificationPolicyState, event: AnomalyEvent, now: number): PolicyDecision {
  const key = `anomaly:${event.module}:${event.metric}`;
  const episode = state.episodes.get(key);
  const windowOpen = episode === undefined || now - episode.lastAt >= NOTIFY_WINDOW_MS;
  const withEpisode = (next: Episode): NotificationPolicyState => ({ ...state, episodes: new Map(state.episodes).set(key, next) });
  switch (event.event) {
    case 'anomaly':
      // Suppressed: what the user was last told about this key (open or closed) still stands.
      if (!windowOpen) return { notification: null, state };
      return { notification: anomalyNotification(event), state: withEpisode({ lastAt: now, announcedOpen: true }) };
    case 'recovered':
    case 'persisted': {
      const announce = episode?.announcedOpen === true || windowOpen;
      if (!announce) return { notification: null, state };
      const lastAt = episode?.announcedOpen ? episode.lastAt : now;
      return { notification: closeNotification(event), state: withEpisode({ lastAt, announcedOpen: false }) };
    }
    case 'accepted':
      // The user did this themselves; they need no telling.
      return { notification: null, state: episode ? withEpisode({ ...episode, announcedOpen: false }) : state };
  }
}

function decideErrored(state: NotificationPolicyState, module: ModuleStatus, now: number): PolicyDecision {
  const wasErrored = state.errored.has(module.name);
  const isErrored = module.state === 'errored';
  if (wasErrored === isErrored) return { notification: null, state };
  const errored = new Set(state.errored);
  if (!isErrored) {
    errored.delete(module.name);
    return { notification: null, state: { ...state, errored } };
  }
  errored.add(module.name);
  const key = `errored:${module.name}`;
  const episode = state.episodes.get(key);
  if (episode !== undefined && now - episode.lastAt < NOTIFY_WINDOW_MS) return { notification: null, state: { ...state, errored } };
  const episodes = new Map(state.episodes).set(key, { lastAt: now, announcedOpen: false });
  return { notification: erroredNotification(module), state: { episodes, errored } };
}

// Three significant digits are plenty for a glance (1.62 s, 0.325 s, 150 MB); the dashboard has the rest.
const glance = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3, useGrouping: false });
const amount = (value: number, unit: string): string => `${glance.format(value)} ${unit}`;

function anomalyNotification(event: AnomalyEvent): SentinelNotification {
  const unit = METRIC_UNITS[event.metric];
  const pct = event.deviationPct === null ? null : Math.round(event.deviationPct);
  const deviation = pct === null ? 'from a zero baseline' : `${pct > 0 ? '+' : ''}${pct}%`;
  return {
    kind: 'anomaly',
    title: `Anomaly detected: ${event.module} - ${event.metric}`,
    body: `${amount(event.current, unit)} against a baseline of ${amount(event.baseline, unit)} (${deviation}, threshold ${event.thresholdPct}%).`,
    module: event.module,
  };
}

function closeNotification(event: AnomalyEvent): SentinelNotification {
  const unit = METRIC_UNITS[event.metric];
  if (event.event === 'recovered') {
    return {
      kind: 'recovered',
      title: recoveredLine(event.module, event.metric),
      body: `Back to ${amount(event.current, unit)}, within range of its baseline of ${amount(event.baseline, unit)}.`,
      module: event.module,
    };
  }
  return {
    kind: 'persisted',
    title: persistedLine(event.module, event.metric),
    body: `It stayed at about ${amount(event.current, unit)}, so Sentinel now takes that as its normal level.`,
    module: event.module,
  };
}

function erroredNotification(module: ModuleStatus): SentinelNotification {
  const reason = module.lastRun?.error?.message.split('\n')[0]?.slice(0, 200) ?? module.lastRun?.status ?? 'it kept failing';
  const failures = module.consecutiveFailures === 1 ? '1 failure' : `${module.consecutiveFailures} failures`;
  return {
    kind: 'errored',
    title: `Module errored: ${module.name}`,
    body: `Stopped after ${failures} in a row (${reason}). Re-enable it from the dashboard.`,
    module: module.name,
  };
}
