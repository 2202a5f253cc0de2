// API latency accuracy: a JS module times its own requests (performance.now() around each call, body
// read included) while Sentinel's runner records the same requests; the two are compared request by request.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchJob } from '../lib-measure-launch.js';
import { BODY_MS, startSlowServer } from '../lib-measure-slow-server.js';
import { median, table, type BenchOptions, type Section, type SectionResult } from '../section.js';

const CLIENT = fileURLToPath(new URL('../fixtures/accuracy/api-client.mjs', import.meta.url));
const DELAYS = [20, 100, 500];
const METHODS = ['fetch', 'http.get', 'trackApi'] as const;

interface Cell {
  method: string;
  delay: number;
  client: number[];
  sentinel: number[];
}

export default (async (options: BenchOptions): Promise<SectionResult> => {
  const n = options.quick ? 3 : 20;
  const server = await startSlowServer();
  const cells: Cell[] = [];
  try {
    for (const method of METHODS) {
      const dir = path.join(options.workDir, method);
      const out = path.join(dir, 'client.json');
      // One run per method makes all its requests, one at a time, so records and client timings pair up in order.
      const outcome = await launchJob({
        dir,
        target: { kind: 'js', path: CLIENT },
        env: { BENCH_BASE: server.url, BENCH_METHOD: method, BENCH_N: String(n), BENCH_DELAYS: DELAYS.join(','), BENCH_OUT: out },
        timeoutMs: 120_000,
      });
      const client = JSON.parse(await readFile(out, 'utf8')) as Array<{ delay: number; ms: number }>;
      const recorded = outcome.result.requests;
      if (recorded.length !== client.length) {
        throw new Error(`${method}: Sentinel recorded ${recorded.length} requests, the client made ${client.length}`);
      }
      for (const delay of DELAYS) {
        const cell: Cell = { method, delay, client: [], sentinel: [] };
        client.forEach((c, i) => {
          if (c.delay !== delay) return;
          cell.client.push(c.ms);
          cell.sentinel.push(recorded[i]!.seconds * 1000);
        });
        cells.push(cell);
      }
      options.log(`${method}: ${recorded.length} requests paired`);
    }
  } finally {
    await server.close();
  }

  const rows = cells.map((cell) => {
    const diffs = cell.client.map((c, i) => Math.abs(cell.sentinel[i]! - c));
    const ratios = cell.client.map((c, i) => cell.sentinel[i]! / c);
    return {
      cell,
      medianDiff: median(diffs),
      maxDiff: Math.max(...diffs),
      ratio: median(ratios),
      client: median(cell.client),
    };
  });
  // A cell meets the target when its median |Δ| is within 2 ms or within 2 % of the client's median.
  const cellMet = (r: (typeof rows)[number]) => r.medianDiff <= 2 || r.medianDiff <= 0.02 * r.client;
  const worst = rows.reduce((a, b) => (b.medianDiff > a.medianDiff ? b : a));
  const missed = rows.filter((r) => !cellMet(r));
  return {
    title: 'API latency accuracy',
    method:
      `A loopback HTTP server (127.0.0.1) sends its headers after a fixed delay (${DELAYS.join(', ')} ms) and then streams its body over a further ${BODY_MS} ms. ` +
      `A JS module, run through Sentinel's real launcher and runner, makes ${n} sequential requests per delay with one method per run ` +
      '(`fetch` + `text()`; `http.get` reading the body to `end`; an SDK-style function doing `http.get` and reading the body, wrapped in `ctx.trackApi`), ' +
      'times each itself with performance.now() around the whole call (body read included) and writes those times to a file. ' +
      "Sentinel's latencies are the run's recorded requests (RunnerResult.requests: diagnostics_channel for fetch and http, trackApi's own timer), paired with the client's in order. " +
      'The table gives, per method and delay, the median client latency, the median |Sentinel − client|, the largest |Δ| and the median ratio Sentinel ÷ client.',
    tables: [
      table(
        ['method', 'server delay ms', 'requests', 'client median ms', 'median |Δ| ms', 'max |Δ| ms', 'ratio (median)'],
        rows.map((r) => [r.cell.method, r.cell.delay, r.cell.client.length, r.client.toFixed(1), r.medianDiff.toFixed(2), r.maxDiff.toFixed(2), r.ratio.toFixed(4)]),
      ),
    ],
    targets: [
      {
        target: 'Recorded latency within 2 ms or 2 % of the client-side timing (median per method × delay)',
        measured: `worst cell: ${worst.medianDiff.toFixed(2)} ms (${worst.cell.method}, ${worst.cell.delay} ms delay, ratio ${worst.ratio.toFixed(4)})${missed.length > 0 ? `; ${missed.length} of ${rows.length} cells outside` : ''}`,
        met: missed.length === 0,
      },
    ],
    notes: [
      "The client's timer starts before the call and stops after the body is read in JavaScript, so it is expected to be slightly longer than Sentinel's (ratio just under 1): diagnostics_channel sees the request created after the call began and the body finished just before the promise settles.",
      'The first request of each run also opens the TCP connection; both timers include it. The largest |Δ| for `fetch` is expected on the run\'s first request: Node loads its bundled undici lazily on the first fetch(), which the client\'s timer includes and Sentinel\'s (starting at undici:request:create) does not; the medians are not affected.',
      ...(options.quick ? [`Quick mode: ${n} requests per cell instead of 20.`] : []),
    ],
  };
}) satisfies Section;
