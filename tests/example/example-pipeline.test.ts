import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOddsFeed, type OddsFeed } from '../../electron/example/odds-feed.js';
import { harness } from '../engine/supervisor/engine-harness.js';

const EXAMPLE = fileURLToPath(new URL('../../electron/example/', import.meta.url));
let feed: OddsFeed;

beforeAll(async () => {
  feed = await startOddsFeed();
});
afterAll(() => feed.close());

describe('the example pipeline', () => {
  it('measures a Python command module and the API latency it reports through the README helper', async () => {
    const h = await harness({
      git: { enabled: false },
      modules: [{ name: 'odds_py', command: ['python3', 'odds_snapshot.py'], cwd: path.join(EXAMPLE, 'python'), env: { SENTINEL_ODDS_FEED: feed.url } }],
    });
    await h.engine.runIteration();
    const run = h.engine.store().history('odds_py').lastRun;
    expect(run?.error).toBeNull();
    expect(run?.status).toBe('ok');
    expect(run?.api?.count).toBe(1);
    expect(run?.metrics.apiLatency).toBeGreaterThan(0.02);
    expect(run?.metrics.cpu).toBeGreaterThan(0);
    expect(run?.metrics.memory).toBeGreaterThan(1);
  });

  it('with the demo fault switch on, opens an anomaly and then recovers', async () => {
    const module = (name: string) => ({ name, path: path.join(EXAMPLE, 'modules', `${name}.mjs`), env: { SENTINEL_ODDS_FEED: feed.url, SENTINEL_DEMO_FAULTS: '1' } });
    const h = await harness({ git: { enabled: false }, modules: [module('collector'), module('signal_generator')] });
    const statuses: string[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await h.engine.runIteration()).status);
    const opened = h.events.flatMap((e) => (e.type === 'anomaly-event' && e.event.event === 'anomaly' ? [`${e.event.module} - ${e.event.metric}`] : []));
    expect(opened).toEqual(expect.arrayContaining(['collector - apiLatency', 'signal_generator - memory']));
    expect(h.statusLines()).toEqual(expect.arrayContaining(['Anomaly recovered: collector - apiLatency', 'Anomaly recovered: signal_generator - memory']));
    expect(statuses[7]).toMatch(/^Anomaly detected: \d+ anomal/);
  }, 90_000);
});
