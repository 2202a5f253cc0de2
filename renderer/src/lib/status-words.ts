// Words and icons for every state the screens show. Colour only ever repeats what these say.
// Icons are from blocks common fonts cover (Geometric Shapes, Arrows); ⏸ and ⏱ render as boxes on Linux.
import type { AnomalyEventKind, ModuleState, RunStatus, VerdictState } from '$shared/contract';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'busy';

export interface StatusWord {
  icon: string;
  word: string;
  tone: Tone;
}

export const MODULE_STATE_WORDS: Readonly<Record<ModuleState | 'starting', StatusWord>> = {
  idle: { icon: '○', word: 'Idle', tone: 'neutral' },
  running: { icon: '◔', word: 'Running…', tone: 'busy' },
  starting: { icon: '◔', word: 'Running…', tone: 'busy' },
  errored: { icon: '✕', word: 'Errored', tone: 'bad' },
  disabled: { icon: '‖', word: 'Disabled', tone: 'neutral' },
};

export const RUN_STATUS_WORDS: Readonly<Record<RunStatus, StatusWord>> = {
  ok: { icon: '✓', word: 'ok', tone: 'ok' },
  error: { icon: '✕', word: 'error', tone: 'bad' },
  timeout: { icon: '◷', word: 'timeout', tone: 'bad' },
  crashed: { icon: '✕', word: 'crashed', tone: 'bad' },
};

export const VERDICT_WORDS: Readonly<Record<VerdictState, StatusWord>> = {
  warmup: { icon: '·', word: 'warm-up', tone: 'neutral' },
  normal: { icon: '✓', word: 'normal', tone: 'ok' },
  anomaly: { icon: '▲', word: 'anomaly opened', tone: 'bad' },
  open: { icon: '●', word: 'still open', tone: 'warn' },
  recovered: { icon: '↺', word: 'recovered', tone: 'ok' },
  persisted: { icon: '■', word: 'persisted', tone: 'warn' },
};

export const ANOMALY_EVENT_WORDS: Readonly<Record<AnomalyEventKind, StatusWord>> = {
  anomaly: { icon: '▲', word: 'Anomaly', tone: 'bad' },
  recovered: { icon: '↺', word: 'Recovered', tone: 'ok' },
  persisted: { icon: '■', word: 'Persisted', tone: 'warn' },
  accepted: { icon: '✓', word: 'Accepted', tone: 'neutral' },
};

/** The tone of the engine's overall status line (`Performance OK` / `Anomaly detected: …`). */
export function overallTone(status: string, erroredModules: readonly string[]): Tone {
  if (erroredModules.length > 0) return 'bad';
  if (status.startsWith('Performance OK')) return 'ok';
  if (status.startsWith('Anomaly')) return 'warn';
  return 'neutral';
}
