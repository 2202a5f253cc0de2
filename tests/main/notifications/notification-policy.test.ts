import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS, type AnomalyEvent, type AnomalyEventKind, type EngineEvent } from '../../../electron/shared/contract.js';
import {
  decideNotification,
  initialNotificationState,
  NOTIFY_WINDOW_MS,
  type NotificationPolicyState,
  type SentinelNotification,
} from '../../../electron/main/notifications/notification-policy.js';
import { recordErrored, recordPersistence, recordRecovery } from '../tray/record-engine.js';

const MINUTE = 60_000;

interface Timed {
  event: EngineEvent;
  at: number;
}

/** Runs the policy over events at their times; returns what it raised and the final state. */
function replay(timed: Timed[], enabled = true, start: NotificationPolicyState = initialNotificationState()) {
  let state = start;
  const raised: Array<SentinelNotification & { at: number }> = [];
  for (const { event, at } of timed) {
    const decision = decideNotification(state, event, at, enabled);
    state = decision.state;
    if (decision.notification) raised.push({ ...decision.notification, at });
  }
  return { raised, state };
}

/** The recorded events, all at `at` plus a millisecond each (a story takes seconds, well within a window). */
const at = (events: EngineEvent[], start: number): Timed[] => events.map((event, i) => ({ event, at: start + i }));

const T0 = Date.parse('2025-06-01T12:00:00Z');

describe('the notification policy, on real engine events', () => {
  let recovery: EngineEvent[];
  let persistence: EngineEvent[];
  let errored: EngineEvent[];

  beforeAll(async () => {
    [recovery, persistence, errored] = await Promise.all([recordRecovery(), recordPersistence(), recordErrored()]);
  }, 120_000);

  it('announces the anomaly and then its recovery, naming the module for the click', () => {
    const { raised } = replay(at(recovery, T0));
    expect(raised.map(({ kind, title, module }) => ({ kind, title, module }))).toEqual([
      { kind: 'anomaly', title: 'Anomaly detected: collector - runtime', module: 'collector' },
      { kind: 'recovered', title: 'Anomaly recovered: collector - runtime', module: 'collector' },
    ]);
    expect(raised[0]?.body).toMatch(/^\d+(\.\d+)? s against a baseline of \d+(\.\d+)? s \(\+\d+%, threshold 100%\)\.$/);
    expect(raised[1]?.body).toMatch(/^Back to \d+(\.\d+)? s, within range of its baseline of \d+(\.\d+)? s\.$/);
  });

  it('announces an anomaly that persists, and never calls it recovered', () => {
    const { raised } = replay(at(persistence, T0));
    expect(raised.map((n) => [n.kind, n.title])).toEqual([
      ['anomaly', 'Anomaly detected: collector - runtime'],
      ['persisted', 'Anomaly persisted: collector - runtime'],
    ]);
  });

  it('suppresses a second anomaly on the same module and metric within 10 minutes, and allows it after', () => {
    const story = (start: number) => at(recovery, start);
    const { raised } = replay([...story(T0), ...story(T0 + 5 * MINUTE), ...story(T0 + 9 * MINUTE), ...story(T0 + 10 * MINUTE)]);
    expect(raised.map((n) => [n.kind, n.at - T0 < MINUTE ? 0 : Math.round((n.at - T0) / MINUTE)])).toEqual([
      ['anomaly', 0],
      ['recovered', 0],
      ['anomaly', 10],
      ['recovered', 10],
    ]);
  });

  it('treats other metrics and other modules independently', () => {
    const opening = recovery.find((e) => e.type === 'anomaly-event' && e.event.event === 'anomaly');
    if (opening?.type !== 'anomaly-event') throw new Error('the recording has no anomaly');
    // The same real event, as if it had been about memory, and about another module.
    const memory: EngineEvent = { ...opening, event: { ...opening.event, metric: 'memory', unit: 'MB' } };
    const other: EngineEvent = { ...opening, event: { ...opening.event, module: 'signal_generator' } };
    const { raised } = replay([
      { event: opening, at: T0 },
      { event: memory, at: T0 + MINUTE },
      { event: other, at: T0 + 2 * MINUTE },
      { event: opening, at: T0 + 3 * MINUTE },
    ]);
    expect(raised.map((n) => n.title)).toEqual([
      'Anomaly detected: collector - runtime',
      'Anomaly detected: collector - memory',
      'Anomaly detected: signal_generator - runtime',
    ]);
    expect(raised[1]?.body).toContain(' MB against a baseline of ');
  });

  it('announces a module that becomes errored once, with its last error, and not again within 10 minutes', () => {
    const first = replay(at(errored, T0));
    expect(first.raised).toHaveLength(1);
    expect(first.raised[0]).toMatchObject({
      kind: 'errored',
      module: 'bad',
      title: 'Module errored: bad',
      body: 'Stopped after 2 failures in a row (database unreachable). Re-enable it from the dashboard.',
    });
    // The story ends with `bad` re-enabled; it breaks again 5 minutes later, then 10 minutes after the first.
    expect(replay(at(errored, T0 + 5 * MINUTE), true, first.state).raised).toEqual([]);
    expect(replay(at(errored, T0 + 10 * MINUTE), true, first.state).raised.map((n) => n.title)).toEqual(['Module errored: bad']);
  });

  it('raises nothing at all when notifications are disabled', () => {
    for (const story of [recovery, persistence, errored]) expect(replay(at(story, T0), false).raised).toEqual([]);
  });

  it('ignores everything but anomaly events and modules becoming errored', () => {
    const others = recovery.filter((e) => e.type !== 'anomaly-event' && !(e.type === 'module-state' && e.module.state === 'errored'));
    expect(others.length).toBeGreaterThan(20);
    expect(replay(at(others, T0)).raised).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary sequences of anomaly events

const KINDS: AnomalyEventKind[] = ['anomaly', 'recovered', 'persisted', 'accepted'];

const anomalyEvent = (module: string, metric: (typeof METRICS)[number], kind: AnomalyEventKind): EngineEvent => ({
  type: 'anomaly-event',
  event: { time: '', event: kind, module, metric, current: 2, baseline: 1, deviationPct: 100, thresholdPct: 25, unit: 's', host: null } satisfies AnomalyEvent,
});

/** Events on a few keys, at increasing times with gaps from 0 to 15 minutes. */
const sequences = fc
  .array(
    fc.record({
      module: fc.constantFrom('collector', 'signal_generator'),
      metric: fc.constantFrom(...METRICS),
      kind: fc.constantFrom(...KINDS),
      gap: fc.integer({ min: 0, max: 15 * MINUTE }),
    }),
    { maxLength: 80 },
  )
  .map((steps) => {
    let time = T0;
    return steps.map((step) => ({ key: `${step.module}/${step.metric}`, event: anomalyEvent(step.module, step.metric, step.kind), at: (time += step.gap) }));
  });

const keyOf = (n: SentinelNotification & { at: number }) => `${n.module}/${/ - (\w+)$/.exec(n.title)?.[1] ?? ''}`;

describe('the notification policy, for any sequence of anomaly events', () => {
  it('announces anomalies on one module and metric at least 10 minutes apart', () => {
    fc.assert(
      fc.property(sequences, (timed) => {
        const opened = replay(timed).raised.filter((n) => n.kind === 'anomaly');
        const last = new Map<string, number>();
        for (const n of opened) {
          const previous = last.get(keyOf(n));
          if (previous !== undefined) expect(n.at - previous).toBeGreaterThanOrEqual(NOTIFY_WINDOW_MS);
          last.set(keyOf(n), n.at);
        }
      }),
    );
  });

  it('raises at most two notifications per module and metric for each 10 minutes the sequence spans', () => {
    fc.assert(
      fc.property(sequences, (timed) => {
        const counts = new Map<string, number>();
        for (const n of replay(timed).raised) counts.set(keyOf(n), (counts.get(keyOf(n)) ?? 0) + 1);
        const span = (timed.at(-1)?.at ?? T0) - T0;
        for (const count of counts.values()) expect(count).toBeLessThanOrEqual(2 * (Math.floor(span / NOTIFY_WINDOW_MS) + 1));
      }),
    );
  });

  it('never leaves an announced anomaly without announcing how it ended', () => {
    fc.assert(
      fc.property(sequences, (timed) => {
        const { raised } = replay(timed);
        for (const [i, step] of timed.entries()) {
          if (step.event.type !== 'anomaly-event' || step.event.event.event !== 'anomaly') continue;
          if (!raised.some((n) => n.kind === 'anomaly' && n.at === step.at && keyOf(n) === step.key)) continue;
          // The next recovery or persistence on this key, unless the user accepted the level first.
          const end = timed.slice(i + 1).find((next) => next.key === step.key && next.event.type === 'anomaly-event' && next.event.event.event !== 'anomaly');
          if (!end || end.event.type !== 'anomaly-event' || end.event.event.event === 'accepted') continue;
          expect(raised.some((n) => n.kind !== 'anomaly' && n.at === end.at && keyOf(n) === step.key)).toBe(true);
        }
      }),
    );
  });

  it('decides each module and metric as if the others did not exist', () => {
    fc.assert(
      fc.property(sequences, (timed) => {
        const all = replay(timed).raised;
        for (const key of new Set(timed.map((step) => step.key))) {
          const alone = replay(timed.filter((step) => step.key === key)).raised;
          expect(all.filter((n) => keyOf(n) === key)).toEqual(alone);
        }
      }),
    );
  });

  it('raises nothing when disabled, whatever happens', () => {
    fc.assert(
      fc.property(sequences, (timed) => {
        expect(replay(timed, false).raised).toEqual([]);
      }),
    );
  });
});
