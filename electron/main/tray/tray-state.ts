// The tray's state as a pure reducer over engine events: colour, status line and tooltip.
// No Electron and no clock here, so the rules are tested on recorded engine events.
import type { EngineEvent, IterationSummary, MetricName } from '../../shared/contract.js';
import { PERFORMANCE_OK, persistedLine, recoveredLine, statusLine } from '../../engine/supervisor/status-line.js';

/** Grey while starting or paused, red while an anomaly is open or a module is errored, green otherwise. */
export type TrayColour = 'grey' | 'green' | 'red';

/** What the reducer takes: any engine event, or `starting` when the app begins. */
export type TrayInput = EngineEvent | { type: 'starting' };

/** One open anomaly, as the tray tracks it. */
export interface TrayAnomaly {
  module: string;
  metric: MetricName;
}

/** What the tray knows and shows. */
export interface TrayState {
  /** False until the first iteration summary arrives. */
  started: boolean;
  paused: boolean;
  openAnomalies: readonly TrayAnomaly[];
  erroredModules: readonly string[];
  /** The last recovery or persistence since the last summary, in the engine's words, e.g. `Anomaly recovered: collector - runtime`. */
  note: string | null;
  colour: TrayColour;
  /** The status in the engine's words, e.g. `Anomaly detected: 2 anomalies`. */
  statusLine: string;
  /** `Sentinel — <status line>`. */
  tooltip: string;
}

/** Windows cuts tray tooltips at 127 characters; cutting here keeps the ellipsis ours. */
export const TOOLTIP_MAX = 127;

/** The state before anything has happened. */
export function initialTrayState(): TrayState {
  return derive({ started: false, paused: false, openAnomalies: [], erroredModules: [], note: null });
}

/** The next tray state after `input`; the same object when nothing the tray shows has changed. */
export function nextTrayState(state: TrayState, input: TrayInput): TrayState {
  switch (input.type) {
    case 'starting':
      return derive({ ...state, started: false });
    case 'paused':
      return input.paused === state.paused ? state : derive({ ...state, paused: input.paused });
    case 'anomaly-event': {
      const { event } = input;
      const others = state.openAnomalies.filter((open) => !(open.module === event.module && open.metric === event.metric));
      const openAnomalies = event.event === 'anomaly' ? [...others, { module: event.module, metric: event.metric }] : others;
      // A recovery or persistence is worth saying until the summary comes; the engine words it the same way.
      let note = state.note;
      if (event.event === 'recovered') note = recoveredLine(event.module, event.metric);
      if (event.event === 'persisted') note = persistedLine(event.module, event.metric);
      if (note === state.note && sameList(openAnomalies.map(anomalyKey), state.openAnomalies.map(anomalyKey))) return state;
      return derive({ ...state, openAnomalies, note });
    }
    case 'module-state': {
      const { name, state: moduleState } = input.module;
      const others = state.erroredModules.filter((module) => module !== name);
      const erroredModules = moduleState === 'errored' ? [...others, name] : others;
      if (sameList(erroredModules, state.erroredModules)) return state;
      return derive({ ...state, erroredModules });
    }
    case 'iteration':
      return fromSummary(state, input.summary);
    default:
      return state;
  }
}

// The summary is the engine's own account, so it replaces whatever the events implied.
function fromSummary(state: TrayState, summary: IterationSummary): TrayState {
  return derive({
    ...state,
    started: true,
    openAnomalies: summary.openAnomalies.map(({ module, metric }) => ({ module, metric })),
    erroredModules: [...summary.erroredModules],
    note: null,
  });
}

type Facts = Pick<TrayState, 'started' | 'paused' | 'openAnomalies' | 'erroredModules' | 'note'>;

function derive(facts: Facts): TrayState {
  const health = healthLine(facts);
  let line: string;
  if (!facts.started) line = 'Starting…';
  else if (facts.paused) line = `Paused (${health})`;
  else line = health;
  return { ...facts, colour: colourOf(facts), statusLine: line, tooltip: clip(`Sentinel — ${line}`, TOOLTIP_MAX) };
}

function colourOf(facts: Facts): TrayColour {
  if (!facts.started || facts.paused) return 'grey';
  return facts.openAnomalies.length > 0 || facts.erroredModules.length > 0 ? 'red' : 'green';
}

function healthLine(facts: Facts): string {
  const errored = facts.erroredModules.length > 0 ? `Errored: ${facts.erroredModules.join(', ')}` : null;
  if (facts.openAnomalies.length > 0) return [statusLine(facts.openAnomalies.length), errored].filter(Boolean).join(' · ');
  return errored ?? facts.note ?? PERFORMANCE_OK;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function anomalyKey(anomaly: TrayAnomaly): string {
  return `${anomaly.module}\u0000${anomaly.metric}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
