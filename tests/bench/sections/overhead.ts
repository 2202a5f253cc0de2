// Overhead against PM2: the supervisor process's own CPU and memory while supervising 10 light jobs,
// Sentinel (busy and idle) and a PM2 daemon measured over one shared wall window.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchProcess, type ProcWindow } from '../lib-measure-proc.js';
import { startPm2, startSentinel, type Pm2Daemon, type SentinelProcess } from '../lib-measure-supervisors.js';
import { table, type BenchOptions, type Section, type SectionResult } from '../section.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/overhead/', import.meta.url));
const MODULES = 10;
const ACTIVE_INTERVAL = '5s';

export default (async (options: BenchOptions): Promise<SectionResult> => {
  const windowSeconds = options.quick ? 8 : 60;
  let pm2: Pm2Daemon | null = null;
  let busy: SentinelProcess | null = null;
  let idle: SentinelProcess | null = null;
  let figures: { pm2: ProcWindow; busy: ProcWindow; idle: ProcWindow; busyRuns: number; idleRuns: number };
  try {
    pm2 = await startPm2(path.join(options.workDir, 'pm2'), path.join(FIXTURES, 'app.mjs'), MODULES);
    busy = await startSentinel(path.join(options.workDir, 'sentinel-busy'), path.join(FIXTURES, 'job.mjs'), MODULES, ACTIVE_INTERVAL);
    idle = await startSentinel(path.join(options.workDir, 'sentinel-idle'), path.join(FIXTURES, 'job.mjs'), MODULES, '1h');
    options.log(`supervisors up (PM2 daemon ${pm2.pid}, Sentinel ${busy.pid} busy, ${idle.pid} idle); measuring ${windowSeconds} s`);
    const runs0 = [await busy.runs(), await idle.runs()];
    const watches = [watchProcess(pm2.pid), watchProcess(busy.pid), watchProcess(idle.pid)];
    await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
    const [p, b, i] = watches.map((w) => w.stop()) as [ProcWindow, ProcWindow, ProcWindow];
    figures = { pm2: p, busy: b, idle: i, busyRuns: (await busy.runs()) - runs0[0]!, idleRuns: (await idle.runs()) - runs0[1]! };
  } finally {
    await Promise.allSettled([busy?.stop(), idle?.stop(), pm2?.kill()]);
  }
  const { pm2: p, busy: b, idle: i } = figures;
  const row = (name: string, setup: string, w: ProcWindow, ratioTo: ProcWindow | null) => [
    name,
    setup,
    w.cpuSeconds.toFixed(2),
    w.cpuPct.toFixed(2),
    w.rssMedianMb.toFixed(1),
    w.hwmMb.toFixed(1),
    ratioTo ? `${(w.cpuPct / ratioTo.cpuPct).toFixed(2)} / ${(w.rssMedianMb / ratioTo.rssMedianMb).toFixed(2)}` : '1 / 1',
  ];
  return {
    title: 'Overhead against PM2',
    method:
      `Both supervisors watch ${MODULES} modules doing the same light work (about 1 ms of computation per tick), started side by side and measured over the same ${windowSeconds} s wall window. ` +
      `PM2 (the pm2 npm package, its own daemon under a private PM2_HOME, \`pm2 start\` of an ecosystem file) keeps ${MODULES} always-on Node processes that tick every 500 ms. ` +
      `Sentinel (\`node electron/cli/bin.mjs run --config … --data …\`, git off) runs ${MODULES} JS modules that tick once and return, every ${ACTIVE_INTERVAL} in turn ("busy"); ` +
      `a second Sentinel with the same ${MODULES} modules and a 1 h interval is measured after its first iteration, between iterations ("idle"). ` +
      "Only each supervisor's own process is measured: CPU = delta of utime + stime in /proc/<pid>/stat over the window as % of one core; RSS = median of 1 Hz VmRSS samples, and VmHWM (the life-time peak, start-up included) at the end. " +
      'One window per supervisor, all three at once.',
    tables: [
      table(
        ['supervisor', 'setup', 'CPU s in window', 'CPU % of one core', 'RSS median MB', 'VmHWM MB', 'CPU / RSS ÷ PM2'],
        [
          row('PM2 daemon', `${MODULES} always-on processes`, p, null),
          row('Sentinel (busy)', `${MODULES} jobs every ${ACTIVE_INTERVAL}: ${figures.busyRuns} runs in the window`, b, p),
          row('Sentinel (idle)', `${MODULES} modules, 1 h interval: ${figures.idleRuns} runs in the window`, i, p),
        ],
      ),
    ],
    targets: [
      { target: 'Sentinel ≤ PM2 on CPU', measured: `Sentinel ${b.cpuPct.toFixed(2)} % (busy) vs PM2 ${p.cpuPct.toFixed(2)} % of one core (×${(b.cpuPct / p.cpuPct).toFixed(2)})`, met: b.cpuPct <= p.cpuPct },
      { target: 'Sentinel idle ≤ 1 % of one core', measured: `${i.cpuPct.toFixed(2)} %`, met: i.cpuPct <= 1 },
    ],
    notes: [
      `The two models differ: PM2 keeps ${MODULES} daemons alive concurrently and restarts them; Sentinel runs scheduled jobs one at a time, each in a fresh process, and measures, judges and persists every run (performance.json rewritten with fsync, a run-detail file, a host probe). ` +
        `So "busy" Sentinel does real per-run work (${figures.busyRuns} runs in ${windowSeconds} s) while the PM2 daemon mostly waits on its always-on children; the comparison is of supervisor cost for the same jobs, not of identical work.`,
      'The jobs\' own CPU (Sentinel\'s forked runners, PM2\'s apps) is not counted on either side: only the supervisor process.',
      'VmHWM includes start-up: for Sentinel that is tsx compiling the TypeScript engine on launch (the CLI runs from source).',
      'The window is shared by all three supervisors on a 2-core machine, so a noisy neighbour affects them alike.',
      ...(options.quick ? [`Quick mode: an ${windowSeconds} s window instead of 60 s, too short for stable figures; in particular the idle window starts right after start-up and reads higher than over 60 s.`] : []),
    ],
  };
}) satisfies Section;
