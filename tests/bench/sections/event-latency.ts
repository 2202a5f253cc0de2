// Event latency: from the moment a module's run() returns (stamped in the child) to the run-finished
// event reaching (a) a subscriber in the engine's own process and (b) a browser page over /api/events.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunRecord } from '../../../electron/shared/contract.js';
import { launchChromium, pollUntil } from '../bench-browser.js';
import { benchEngine, writeStampModule } from '../bench-engine.js';
import { startServe } from '../bench-serve.js';
import { median, percentile, table, type BenchOptions, type Section, type SectionResult } from '../section.js';

const MODULE = 'stamp';
const WAIT_MS = 30_000;

interface Sample {
  /** run() returned (child-side stamp) → received, ms. */
  fromReturn: number;
  /** endedAt (the parent's 'exit' handling, ms precision) → received, ms. */
  fromExit: number;
}

const epochNow = (): number => performance.timeOrigin + performance.now();
const readStamp = async (file: string): Promise<number> => Number(await readFile(file, 'utf8'));

/** In-process: a subscriber on the engine itself, runs started with runModuleNow. */
async function inProcess(dir: string, runs: number): Promise<Sample[]> {
  await mkdir(dir, { recursive: true });
  const modulePath = path.join(dir, 'stamp.mjs');
  const stampFile = path.join(dir, 'exit-stamp');
  await writeStampModule(modulePath, stampFile);
  const engine = await benchEngine({ interval: '1h', modules: [{ name: MODULE, path: modulePath }] }, dir);
  let waiting: ((received: { at: number; run: RunRecord }) => void) | null = null;
  engine.subscribe((event) => {
    // Stamped first thing, before any other work in the subscriber.
    if (event.type === 'run-finished') waiting?.({ at: epochNow(), run: event.run });
  });
  const samples: Sample[] = [];
  try {
    // One run first, not counted: the first spawn pays for cold caches.
    for (let i = 0; i <= runs; i += 1) {
      const received = new Promise<{ at: number; run: RunRecord }>((resolve) => (waiting = resolve));
      await engine.runModuleNow(MODULE);
      const { at, run } = await received;
      if (run.status !== 'ok') throw new Error(`the stamp module's run ${run.seq} was ${run.status}: ${run.error?.message ?? ''}`);
      const stamp = await readStamp(stampFile);
      if (i > 0) samples.push({ fromReturn: at - stamp, fromExit: at - Date.parse(run.endedAt) });
    }
  } finally {
    await engine.stop();
  }
  return samples;
}

// In the page: an EventSource on /api/events that stamps each run-finished as it arrives.
const SUBSCRIBE = `new Promise((resolve, reject) => {
  window.__received = [];
  const source = new EventSource('/api/events');
  source.onmessage = (message) => {
    const at = performance.timeOrigin + performance.now();
    const wall = Date.now();
    const event = JSON.parse(message.data);
    if (event.type === 'run-finished') window.__received.push({ seq: event.run.seq, endedAt: event.run.endedAt, at, wall });
  };
  source.onopen = () => resolve(true);
  source.onerror = () => reject(new Error('EventSource failed'));
})`;

interface BrowserSample extends Sample {
  /** run() returned → received, with the page's Date.now() (ms precision). */
  wallFromReturn: number;
}

/** To a browser: `sentinel serve`, a Chromium page subscribed to /api/events, runs started with POST /api/modules/<name>/run. */
async function toBrowser(dir: string, runs: number, log: (message: string) => void): Promise<BrowserSample[]> {
  await mkdir(dir, { recursive: true });
  const modulePath = path.join(dir, 'stamp.mjs');
  const stampFile = path.join(dir, 'exit-stamp');
  await writeStampModule(modulePath, stampFile);
  // Iteration 1 runs the module once at start; the 1 h interval keeps the scheduler out of the way after that.
  const server = await startServe(dir, { interval: '1h', git: { enabled: false }, modules: [{ name: MODULE, path: modulePath }] });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const samples: BrowserSample[] = [];
  try {
    log(`serve at ${server.origin}`);
    await waitForFirstRun(server.origin);
    const page = await browser.newPage();
    // A same-origin page with nothing else running in it, so the figure is the event's delivery, not the dashboard's rendering.
    await page.goto(`${server.origin}/api/state`);
    await page.evaluate(SUBSCRIBE);
    for (let i = 0; i <= runs; i += 1) {
      const before = (await page.evaluate('window.__received.length')) as number;
      const response = await fetch(`${server.origin}/api/modules/${MODULE}/run`, { method: 'POST', headers: { 'x-sentinel-request': '1' } });
      if (!response.ok) throw new Error(`POST run: HTTP ${response.status} ${await response.text()}`);
      await pollUntil(page, `window.__received.length > ${before}`, WAIT_MS);
      const got = (await page.evaluate(`window.__received[${before}]`)) as { seq: number; endedAt: string; at: number; wall: number };
      const stamp = await readStamp(stampFile);
      // The first triggered run is not counted: it warms the server's and the page's paths.
      if (i > 0) samples.push({ fromReturn: got.at - stamp, fromExit: got.at - Date.parse(got.endedAt), wallFromReturn: got.wall - stamp });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return samples;
}

/** Waits until iteration 1's run is over, so its event cannot be mistaken for a triggered one. */
async function waitForFirstRun(origin: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${origin}/api/state`)).json()) as {
      data?: { modules?: Array<{ name: string; status?: { lastRun?: unknown } }> };
    };
    if (body.data?.modules?.find((m) => m.name === MODULE)?.status?.lastRun) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the first iteration did not finish');
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const row = (label: string, values: number[]): Array<string | number> => [label, values.length, ms(median(values)), ms(percentile(values, 95)), ms(Math.max(...values))];

export default (async (options: BenchOptions): Promise<SectionResult> => {
  const runs = options.quick ? 5 : 30;
  options.log(`in-process, ${runs} runs`);
  const local = await inProcess(path.join(options.workDir, 'in-process'), runs);
  options.log(`browser, ${runs} runs`);
  const remote = await toBrowser(path.join(options.workDir, 'browser'), runs, options.log);
  const localMedian = median(local.map((s) => s.fromReturn));
  const remoteMedian = median(remote.map((s) => s.fromReturn));
  return {
    title: 'Event latency',
    method:
      `A JS module writes \`performance.timeOrigin + performance.now()\` (epoch ms, sub-ms) to a file just before its run() returns; ` +
      `that child-side stamp is compared with the moment the run-finished event arrives, stamped the same way by the receiver on the same machine clock. ` +
      `(a) In-process: an engine built over real child processes (the Node launcher, git off), runs started with runModuleNow, a subscriber on engine.subscribe. ` +
      `(b) Browser: the real \`sentinel serve\`, a headless Chromium page with an EventSource on /api/events, runs started with POST /api/modules/${MODULE}/run. ` +
      `${runs} runs each after one uncounted warm-up run, one at a time; median, p95 (nearest rank) and max. ` +
      `The child-side stamp is used rather than the run's endedAt because endedAt is taken by the parent at the process's exit, after the runner has reported and exited; ` +
      `the interval measured therefore includes the runner's exit path (sending the result, flushing output, process exit), the record, the store write and the event fan-out. ` +
      `The endedAt → receive rows (ms precision) show the part after the parent saw the exit.`,
    tables: [
      table(
        ['path', 'runs', 'median', 'p95', 'max'],
        [
          row('in-process: run() returned → subscriber', local.map((s) => s.fromReturn)),
          row('in-process: endedAt (exit seen by parent) → subscriber', local.map((s) => s.fromExit)),
          row('browser: run() returned → EventSource handler', remote.map((s) => s.fromReturn)),
          row('browser: endedAt → EventSource handler', remote.map((s) => s.fromExit)),
          row('browser: run() returned → handler (page Date.now())', remote.map((s) => s.wallFromReturn)),
        ],
      ),
    ],
    targets: [
      { target: 'run-finished to an in-process subscriber, median ≤ 20 ms', measured: ms(localMedian), met: localMedian <= 20 },
      { target: 'run-finished to the browser, median ≤ 200 ms', measured: ms(remoteMedian), met: remoteMedian <= 200 },
    ],
    notes: [
      'Both ends read the same wall clock through performance.timeOrigin + performance.now(); a process\'s timeOrigin is fixed at its start, so a clock adjustment during the run (NTP slew) would show up as error of that size.',
      'The browser page is a same-origin page with no dashboard in it, so the figure is the event\'s delivery (server fan-out, SSE, the page\'s event loop), not the dashboard\'s rendering of it.',
      ...(options.quick ? ['Quick mode: 5 runs per path; the p95 is then the maximum.'] : []),
    ],
  };
}) satisfies Section;
