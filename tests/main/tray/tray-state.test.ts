import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS, type EngineEvent, type IterationSummary, type ModuleState } from '../../../electron/shared/contract.js';
import { menuModel } from '../../../electron/main/tray/menu-model.js';
import { initialTrayState, nextTrayState, TOOLTIP_MAX, type TrayInput, type TrayState } from '../../../electron/main/tray/tray-state.js';
import { indexOf, recordErrored, recordPersistence, recordRecovery } from './record-engine.js';

/** Every state the tray passes through, one per input, starting from `starting`. */
function states(events: readonly EngineEvent[]): TrayState[] {
  const inputs: TrayInput[] = [{ type: 'starting' }, ...events];
  const out: TrayState[] = [];
  let state = initialTrayState();
  for (const input of inputs) out.push((state = nextTrayState(state, input)));
  return out;
}

/** The colours shown, without repeats. */
const colours = (all: TrayState[]): string[] => all.map((s) => s.colour).filter((c, i, list) => i === 0 || list[i - 1] !== c);

const isIteration = (event: EngineEvent) => event.type === 'iteration';
const opened = (event: EngineEvent) => event.type === 'anomaly-event' && event.event.event === 'anomaly';

describe('the tray state, on a real engine whose anomaly recovers (5 fast runs, 1 slow, 1 fast)', () => {
  let events: EngineEvent[];
  let trail: TrayState[];
  // trail[i + 1] is the state after events[i] (trail[0] is after `starting`).
  const after = (index: number): TrayState => trail[index + 1] as TrayState;

  beforeAll(async () => {
    events = await recordRecovery();
    trail = states(events);
  }, 60_000);

  it('is grey and says it is starting until the first iteration summary', () => {
    const first = indexOf(events, 'iteration', isIteration);
    expect(first).toBeGreaterThan(0);
    for (const state of trail.slice(0, first + 1)) {
      expect(state.colour).toBe('grey');
      expect(state.tooltip).toBe('Sentinel — Starting…');
    }
    expect(after(first)).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Performance OK' });
  });

  it('turns red the moment the anomaly opens, before the iteration ends', () => {
    const at = indexOf(events, 'an opened anomaly', opened);
    expect(after(at - 1).colour).toBe('green');
    expect(after(at)).toMatchObject({ colour: 'red', statusLine: 'Anomaly detected: 1 anomaly', openAnomalies: [{ module: 'collector', metric: 'runtime' }] });
    const summary = at + events.slice(at).findIndex(isIteration);
    expect(after(summary)).toMatchObject({ colour: 'red', tooltip: 'Sentinel — Anomaly detected: 1 anomaly' });
  });

  it('turns green with the engine\'s recovery line, then "Performance OK" once the summary comes', () => {
    const recovered = indexOf(events, 'a recovery', (e) => e.type === 'anomaly-event' && e.event.event === 'recovered');
    // The tray says it in the same words as the engine's own status line.
    expect(events.slice(recovered)).toContainEqual({ type: 'status', line: 'Anomaly recovered: collector - runtime' });
    expect(after(recovered)).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Anomaly recovered: collector - runtime', openAnomalies: [] });
    expect(trail.at(-1)).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Performance OK' });
  });

  it('shows grey, green, red and green, in that order and nothing else', () => {
    expect(colours(trail)).toEqual(['grey', 'green', 'red', 'green']);
  });

  it('lets the iteration summary win over the events: a missed recovery still ends green', () => {
    const at = indexOf(events, 'an opened anomaly', opened);
    const lastSummary = events.findLast(isIteration);
    if (lastSummary?.type !== 'iteration') throw new Error('no summary');
    // As if the recovery events had been missed (the tray was set up late): the summary corrects it.
    const red = after(at);
    expect(nextTrayState(red, lastSummary)).toMatchObject({ colour: 'green', openAnomalies: [] });
  });

  it('lets the iteration summary win over the events: an anomaly it reports is red though no event said so', () => {
    const openSummary = events.find((e) => e.type === 'iteration' && e.summary.openAnomalies.length > 0);
    if (openSummary?.type !== 'iteration') throw new Error('no summary with an open anomaly');
    const state = nextTrayState(nextTrayState(initialTrayState(), { type: 'starting' }), openSummary);
    expect(state).toMatchObject({ colour: 'red', statusLine: 'Anomaly detected: 1 anomaly' });
  });

  it('greys out while paused, keeps the health in the tooltip, and the menu offers Resume', () => {
    const red = after(indexOf(events, 'an opened anomaly', opened));
    const paused = nextTrayState(red, { type: 'paused', paused: true });
    expect(paused).toMatchObject({ colour: 'grey', paused: true, tooltip: 'Sentinel — Paused (Anomaly detected: 1 anomaly)' });
    const labels = menuModel(paused).flatMap((item) => (item.kind === 'action' ? [item.label] : []));
    expect(labels).toContain('Resume');
    expect(labels).not.toContain('Pause');
    const resumed = nextTrayState(paused, { type: 'paused', paused: false });
    expect(resumed).toMatchObject({ colour: 'red', paused: false });
    expect(menuModel(resumed).some((item) => item.kind === 'action' && item.label === 'Pause')).toBe(true);
  });

  it('keeps the same state object for events that change nothing it shows (logs, runs, problems)', () => {
    for (const [i, event] of events.entries()) {
      if (event.type === 'log' || event.type === 'run-started' || event.type === 'run-finished') expect(after(i)).toBe(after(i - 1));
    }
    const state = trail.at(-1) as TrayState;
    expect(nextTrayState(state, { type: 'problem', source: 'git', message: 'index.lock exists' })).toBe(state);
  });
});

describe('the tray state, on a real engine whose anomaly persists (5 fast runs, then 4 slow)', () => {
  let events: EngineEvent[];
  let trail: TrayState[];

  beforeAll(async () => {
    events = await recordPersistence();
    trail = states(events);
  }, 90_000);

  it('stays red while the anomaly is open and turns green when it persists', () => {
    const at = indexOf(events, 'an opened anomaly', opened);
    const persisted = indexOf(events, 'a persistence', (e) => e.type === 'anomaly-event' && e.event.event === 'persisted');
    expect(events.slice(persisted)).toContainEqual({ type: 'status', line: 'Anomaly persisted: collector - runtime' });
    for (const state of trail.slice(at + 1, persisted)) expect(state.colour).toBe('red');
    expect(trail[persisted + 1]).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Anomaly persisted: collector - runtime' });
    expect(trail.at(-1)).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Performance OK' });
    expect(colours(trail)).toEqual(['grey', 'green', 'red', 'green']);
  });

  it('counts the open anomaly in each summary while it lasts', () => {
    const open = events.flatMap((e) => (e.type === 'iteration' ? [e.summary.openAnomalies.length] : []));
    expect(open).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0]);
  });
});

describe('the tray state, on a real engine with a module that becomes errored', () => {
  let events: EngineEvent[];
  let trail: TrayState[];

  beforeAll(async () => {
    events = await recordErrored();
    trail = states(events);
  }, 60_000);

  it('turns red when the module becomes errored, naming it, and green once it is re-enabled and runs', () => {
    const errored = indexOf(events, 'an errored module', (e) => e.type === 'module-state' && e.module.state === 'errored');
    expect(trail[errored + 1]).toMatchObject({ colour: 'red', erroredModules: ['bad'], tooltip: 'Sentinel — Errored: bad' });
    const reenabled = errored + 1 + events.slice(errored + 1).findIndex((e) => e.type === 'module-state' && e.module.name === 'bad');
    expect(trail[reenabled + 1]).toMatchObject({ colour: 'green', erroredModules: [] });
    expect(trail.at(-1)).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Performance OK' });
  });

  it('agrees with each summary about errored modules', () => {
    for (const [i, event] of events.entries()) {
      if (event.type === 'iteration') expect(trail[i + 1]?.erroredModules).toEqual(event.summary.erroredModules);
    }
  });
});

describe('the tray tooltip', () => {
  it('names both anomalies and errored modules, and stays within what Windows shows', () => {
    let state = nextTrayState(initialTrayState(), { type: 'starting' });
    const summary = {
      stage: 'demo', iteration: 1, totalIterations: 1, at: '2025-01-01T00:00:00.000Z', status: 'Anomaly detected: 1 anomaly', recoveries: [],
      lastRunStatus: 'ok' as const, restartCount: 0, modulesTracked: 3, anomaliesLastHour: 1, git: null,
      openAnomalies: [{ module: 'collector', metric: 'runtime' as const, baseline: 0.25, current: 1.6, deviationPct: 540, openedAt: '', runsSinceOpened: 0 }],
      erroredModules: ['a'.repeat(200)],
    };
    state = nextTrayState(state, { type: 'iteration', summary });
    expect(state.tooltip.startsWith('Sentinel — Anomaly detected: 1 anomaly · Errored: aaa')).toBe(true);
    expect(state.tooltip).toHaveLength(TOOLTIP_MAX);
    expect(state.tooltip.endsWith('…')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary event sequences

const MODULES = ['collector', 'signal_generator', 'backtester'];

const summaryOf = (open: Array<{ module: string; metric: (typeof METRICS)[number] }>, errored: string[]): IterationSummary => ({
  stage: 'demo', iteration: 1, totalIterations: 1, at: '', status: '', recoveries: [], lastRunStatus: 'ok', restartCount: 0,
  modulesTracked: 3, anomaliesLastHour: 0, git: null, erroredModules: errored,
  openAnomalies: open.map(({ module, metric }) => ({ module, metric, baseline: 1, current: 2, deviationPct: 100, openedAt: '', runsSinceOpened: 0 })),
});

const anomalyPairs = fc.uniqueArray(fc.record({ module: fc.constantFrom(...MODULES), metric: fc.constantFrom(...METRICS) }), {
  selector: (pair) => `${pair.module}/${pair.metric}`,
  maxLength: 4,
});
const erroredSets = fc.uniqueArray(fc.constantFrom(...MODULES), { maxLength: 3 });

const events: fc.Arbitrary<TrayInput> = fc.oneof(
  fc.constant<TrayInput>({ type: 'starting' }),
  fc.boolean().map<TrayInput>((paused) => ({ type: 'paused', paused })),
  fc
    .record({ module: fc.constantFrom(...MODULES), metric: fc.constantFrom(...METRICS), kind: fc.constantFrom('anomaly', 'recovered', 'persisted', 'accepted' as const) })
    .map<TrayInput>(({ module, metric, kind }) => ({
      type: 'anomaly-event',
      event: { time: '', event: kind, module, metric, current: 2, baseline: 1, deviationPct: 100, thresholdPct: 25, unit: 's', host: null },
    })),
  fc
    .record({ name: fc.constantFrom(...MODULES), state: fc.constantFrom<ModuleState>('idle', 'running', 'errored', 'disabled') })
    .map<TrayInput>(({ name, state }) => ({ type: 'module-state', module: { name, state, restarts: 0, consecutiveFailures: 0, lastRun: null } })),
  fc.tuple(anomalyPairs, erroredSets).map<TrayInput>(([open, errored]) => ({ type: 'iteration', summary: summaryOf(open, errored) })),
);

describe('the tray state, for any sequence of events', () => {
  it('takes open anomalies and errored modules from an iteration summary, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 40 }), anomalyPairs, erroredSets, (before, open, errored) => {
        const state = nextTrayState(before.reduce(nextTrayState, initialTrayState()), { type: 'iteration', summary: summaryOf(open, errored) });
        expect(state.openAnomalies).toEqual(open);
        expect(state.erroredModules).toEqual(errored);
        expect(state.started).toBe(true);
      }),
    );
  });

  it('is grey exactly when starting or paused, red exactly when something is open or errored, green otherwise', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 40 }), (inputs) => {
        const state = inputs.reduce(nextTrayState, initialTrayState());
        const trouble = state.openAnomalies.length > 0 || state.erroredModules.length > 0;
        const expected = !state.started || state.paused ? 'grey' : trouble ? 'red' : 'green';
        expect(state.colour).toBe(expected);
        expect(state.tooltip).toBe(`Sentinel — ${state.statusLine}`.slice(0, TOOLTIP_MAX));
        expect(new Set(state.openAnomalies.map((a) => `${a.module}/${a.metric}`)).size).toBe(state.openAnomalies.length);
      }),
    );
  });
});
