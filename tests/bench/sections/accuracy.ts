// Accuracy against the kernel's own accounting: every job runs once through Sentinel's launcher with
// GNU time (wait4) on the same process, and a 1 Hz systeminformation poll watches it by name.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toRunRecord } from '../../../electron/engine/supervisor/run-record.js';
import { launchJob, readGnuTime, timedCommand, timedRunner, type GnuTime } from '../lib-measure-launch.js';
import { pollProcessLoad, type SiReading } from '../lib-measure-si.js';
import { median, table, type BenchOptions, type Section, type SectionResult, type TargetResult } from '../section.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/accuracy/', import.meta.url));

interface Job {
  label: string;
  file: string;
  arg: number;
  /** The CPU and RSS targets apply (a job of ≥ 300 ms). */
  long: boolean;
  skipInQuick?: boolean;
}

const JOBS: Job[] = [
  { label: 'burn 50 ms', file: 'burn.mjs', arg: 50, long: false },
  { label: 'burn 300 ms', file: 'burn.mjs', arg: 300, long: true },
  { label: 'burn 2 s', file: 'burn.mjs', arg: 2000, long: true, skipInQuick: true },
  { label: 'alloc 80 MB', file: 'alloc.mjs', arg: 80, long: false },
  { label: 'alloc 500 MB', file: 'alloc.mjs', arg: 500, long: true },
  { label: '2 children × 500 ms', file: 'two-children.mjs', arg: 500, long: true },
];

type Kind = 'js' | 'command';

interface Sample {
  kernel: GnuTime;
  cpuSeconds: number;
  cpuPct: number;
  rssMb: number;
  wallSeconds: number;
  si: SiReading;
}

const MB = 1024 * 1024;

export default (async (options: BenchOptions): Promise<SectionResult> => {
  const repeats = options.quick ? 1 : 5;
  const jobs = JOBS.filter((job) => !(options.quick && job.skipInQuick));
  const rows: Array<Array<string | number>> = [];
  const checks: Array<{ job: Job; kind: Kind; cpuRatio: number; rssRatio: number; wallDiffMs: number; minCpuPct: number }> = [];
  let runNo = 0;
  for (const job of jobs) {
    for (const kind of ['js', 'command'] as const) {
      const samples: Sample[] = [];
      for (let i = 0; i < repeats; i++) samples.push(await measure(job, kind, path.join(options.workDir, `run-${++runNo}`), `sbacc${runNo}`));
      const cpuRatio = median(samples.map((s) => s.cpuSeconds / s.kernel.cpuSeconds));
      const rssRatio = median(samples.map((s) => s.rssMb / (s.kernel.maxRssKb / 1024)));
      const wallDiffMs = median(samples.map((s) => (s.wallSeconds - s.kernel.wallSeconds) * 1000));
      const minCpuPct = Math.min(...samples.map((s) => s.cpuPct));
      checks.push({ job, kind, cpuRatio, rssRatio, wallDiffMs, minCpuPct });
      rows.push([
        job.label,
        kind,
        median(samples.map((s) => s.kernel.cpuSeconds)).toFixed(3),
        median(samples.map((s) => s.cpuSeconds)).toFixed(3),
        cpuRatio.toFixed(3),
        median(samples.map((s) => s.kernel.maxRssKb / 1024)).toFixed(1),
        median(samples.map((s) => s.rssMb)).toFixed(1),
        rssRatio.toFixed(3),
        median(samples.map((s) => s.kernel.wallSeconds)).toFixed(2),
        median(samples.map((s) => s.wallSeconds)).toFixed(3),
        wallDiffMs.toFixed(1),
        median(samples.map((s) => s.cpuPct)).toFixed(1),
        siCell(samples.map((s) => s.si)),
      ]);
      options.log(`${job.label} ${kind}: cpu ×${cpuRatio.toFixed(3)} rss ×${rssRatio.toFixed(3)} wall ${wallDiffMs.toFixed(1)} ms`);
    }
  }
  return {
    title: 'Accuracy against the kernel',
    method:
      `Each job ran ${repeats}× as a JS module and ${repeats}× as an external command (\`node job.mjs <arg>\`) through Sentinel's real ` +
      'launcher (createChildProcessLauncher) and runner, its figures taken as the engine records them (toRunRecord). ' +
      'GNU time (`/usr/bin/time -f "%e %U %S %M"`, i.e. the kernel\'s wait4 accounting) measured the same process in the same run: ' +
      'for JS modules the launcher forks `time … node module-runner.mjs`, so time\'s child is the runner that runs the module; for commands the ' +
      'configured command is `time … node job.mjs`, so Sentinel measures the tree (time + node + its children) and time measures the node job. ' +
      'The table gives medians over the repetitions: CPU = user + system seconds, peak RSS in MB, runtime = Sentinel\'s wall (spawn to exit) minus GNU `%e`. ' +
      'The last column is what `si.processLoad(<title>)` polled every 1 s during the same run reported (each job sets a distinct ≤ 15-character process.title): ' +
      'its highest CPU % and memory in the polls that found the process, next to Sentinel\'s CPU % of one core.',
    tables: [
      table(
        ['job', 'kind', 'kernel CPU s', 'Sentinel CPU s', 'CPU ratio', 'kernel peak RSS MB', 'Sentinel MB', 'RSS ratio', 'GNU %e s', 'Sentinel wall s', 'wall Δ ms', 'Sentinel CPU %', 'si processLoad @ 1 Hz'],
        rows,
      ),
    ],
    targets: targets(checks, jobs),
    notes: [
      'GNU time prints `%e`, `%U` and `%S` to 10 ms and truncates `%e` (it prints tv_usec / 10000), so `%e` reads 0–10 ms under the true wall time; a difference of about 5 ms is expected from that alone, and CPU ratios of short jobs move by a tick.',
      'Runtime, JS modules: Sentinel\'s wall runs from forking `time` to its exit, so it also holds time\'s own exec and exit and the delivery of the exit to the engine; with the truncation above that is the 10–15 ms seen. The 5 ms target is missed by that margin.',
      'Runtime, commands: Sentinel\'s wall also includes starting the runner (a Node process, ~0.1 s) before it spawns the command, which GNU `%e` of the job does not; the runtime a command records is therefore about 0.1 s above the job\'s own wall time. This is the design (one runner per run), and the 5 ms target is missed by about 100 ms.',
      `CPU, JS modules holding much memory: Sentinel reads the runner\'s resourceUsage() when run() returns, before the runner exits; the kernel also charges the exit, where freeing 500 MB of pages costs tens of ms of system time (a standalone check of the same allocation: resourceUsage() at the end 0.38–0.39 s, GNU time 0.41–0.43 s). That is why alloc 500 MB as a JS module reads ${pctOf(checks, 'alloc 500 MB', 'js')} against the kernel and misses the 2 % target.`,
      'RSS, commands: Sentinel measures the whole tree, which here includes the `time` wrapper itself (about 1.5 MB resident), so a ~46 MB command reads about 3 % over `%M` of the node job alone; on the 500 MB job the same 1.5 MB is 0.3 %. Without the wrapper the tree is the job.',
      'GNU time\'s `%M` is the peak RSS of the single largest process it waited for, not a sum. For `2 children` as a command, Sentinel reports the highest *sum* of RSS over the tree at one moment (parent + two children + time), so its figure is rightly larger than `%M`; as a JS module, Sentinel reports the runner\'s own peak (getrusage), which is what `%M` shows too when the runner is the largest process.',
      'CPU and RSS of JS modules include Node\'s start-up in the runner (both sides see it), which is why the 50 ms job shows about 0.1–0.2 s of CPU.',
      ...(options.quick ? ['Quick mode: 1 run per cell, and the 2 s burn is skipped.'] : []),
    ],
  };
}) satisfies Section;

async function measure(job: Job, kind: Kind, dir: string, title: string): Promise<Sample> {
  const report = path.join(dir, 'gnu-time.txt');
  const script = path.join(FIXTURES, job.file);
  const stopSi = pollProcessLoad(title);
  const outcome =
    kind === 'js'
      ? await launchJob({ dir, target: { kind: 'js', path: script }, env: { BENCH_ARG: String(job.arg), BENCH_TITLE: title }, launcher: timedRunner(report) })
      : await launchJob({ dir, target: { kind: 'command', argv: timedCommand(report, [process.execPath, script, String(job.arg)]) }, env: { BENCH_TITLE: title } });
  const si = await stopSi();
  const record = toRunRecord('bench-job', 1, outcome, null);
  if (record.cpuSeconds === null || record.metrics.memory === null || record.metrics.cpu === null) {
    throw new Error(`Sentinel did not measure ${job.label} (${kind}): ${outcome.result.method}`);
  }
  return {
    kernel: await readGnuTime(report),
    cpuSeconds: record.cpuSeconds,
    cpuPct: record.metrics.cpu,
    rssMb: (outcome.result.maxRssBytes ?? 0) / MB,
    wallSeconds: record.metrics.runtime,
    si,
  };
}

/** "no sample" when no poll found the process, else its highest CPU % and memory, and in how many runs. */
function siCell(readings: SiReading[]): string {
  const hit = readings.filter((r) => r.hits > 0);
  if (hit.length === 0) return `no sample (${readings.length} of ${readings.length} runs)`;
  const cpu = median(hit.map((r) => r.cpu ?? 0));
  const memMb = median(hit.map((r) => ((r.memPct ?? 0) / 100) * os.totalmem())) / MB;
  const missed = readings.length - hit.length;
  return `${cpu.toFixed(1)} % CPU, ${memMb.toFixed(0)} MB${missed > 0 ? `; no sample in ${missed} of ${readings.length} runs` : ''}`;
}

/** The median CPU deviation of one cell, as a signed percentage. */
function pctOf(checks: Array<{ job: Job; kind: Kind; cpuRatio: number }>, label: string, kind: Kind): string {
  const check = checks.find((c) => c.job.label === label && c.kind === kind);
  return check ? `${((check.cpuRatio - 1) * 100).toFixed(1)} %` : 'n/a';
}

function targets(
  checks: Array<{ job: Job; kind: Kind; cpuRatio: number; rssRatio: number; wallDiffMs: number; minCpuPct: number }>,
  jobs: Job[],
): TargetResult[] {
  const long = checks.filter((c) => c.job.long);
  const worst = (values: Array<{ value: number; where: string }>) => values.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
  const where = (c: { job: Job; kind: Kind }) => `${c.job.label}, ${c.kind}`;
  const cpu = worst(long.map((c) => ({ value: c.cpuRatio - 1, where: where(c) })));
  // The tree-sum RSS of the two-children command is larger than time's single-process %M by design: judged separately.
  const rssComparable = long.filter((c) => !(c.job.file === 'two-children.mjs' && c.kind === 'command'));
  const rss = worst(rssComparable.map((c) => ({ value: c.rssRatio - 1, where: where(c) })));
  const wallJs = worst(checks.filter((c) => c.kind === 'js').map((c) => ({ value: c.wallDiffMs, where: where(c) })));
  const wallCmd = worst(checks.filter((c) => c.kind === 'command').map((c) => ({ value: c.wallDiffMs, where: where(c) })));
  const short = checks.filter((c) => c.job.arg === 50 && c.job.file === 'burn.mjs');
  const minShort = Math.min(...short.map((c) => c.minCpuPct));
  const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
  const longList = jobs.filter((j) => j.long).map((j) => j.label).join(', ');
  return [
    { target: `CPU within 2 % of the kernel on jobs ≥ 300 ms (${longList})`, measured: `worst median deviation ${pct(cpu.value)} (${cpu.where})`, met: Math.abs(cpu.value) <= 0.02 },
    { target: 'Peak RSS within 2 % of the kernel on jobs ≥ 300 ms (except the two-children command: tree sum vs one process)', measured: `worst median deviation ${pct(rss.value)} (${rss.where})`, met: Math.abs(rss.value) <= 0.02 },
    { target: 'Runtime within 5 ms of GNU %e, JS modules', measured: `worst median difference ${wallJs.value.toFixed(1)} ms (${wallJs.where})`, met: Math.abs(wallJs.value) <= 5 },
    { target: 'Runtime within 5 ms of GNU %e, external commands', measured: `worst median difference ${wallCmd.value.toFixed(1)} ms (${wallCmd.where})`, met: Math.abs(wallCmd.value) <= 5 },
    { target: 'Never 0 % CPU on the 50 ms job', measured: `lowest CPU % over all its runs: ${minShort.toFixed(1)} %`, met: minShort > 0 },
  ];
}
