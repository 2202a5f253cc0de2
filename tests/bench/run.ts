// `npm run bench [-- --quick] [-- --only name,name]`: runs the benchmark sections one after another (never
// in parallel: the machine has two cores) and writes BENCHMARKS.md. Kept out of `npm test`.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section, SectionResult } from './section.js';

const SECTIONS: Array<[string, () => Promise<{ default: Section }>]> = [
  ['accuracy', () => import('./sections/accuracy.js')],
  ['api-latency', () => import('./sections/api-latency.js')],
  ['overhead', () => import('./sections/overhead.js')],
  ['bookkeeping', () => import('./sections/bookkeeping.js')],
  ['event-latency', () => import('./sections/event-latency.js')],
  ['detection', () => import('./sections/detection.js')],
  ['dashboard', () => import('./sections/dashboard.js')],
];

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : null;
  const started = Date.now();
  const results: SectionResult[] = [];
  let failed = false;
  for (const [name, load] of SECTIONS) {
    if (only && !only.has(name)) continue;
    const workDir = await mkdtemp(path.join(os.tmpdir(), `sentinel-bench-${name}-`));
    const log = (message: string): void => void process.stderr.write(`[${name}] ${message}\n`);
    log(`running${quick ? ' (quick)' : ''}`);
    try {
      const section = (await load()).default;
      results.push(await section({ quick, workDir, log }));
    } catch (error) {
      failed = true;
      log(`FAILED: ${(error as Error).stack ?? String(error)}`);
      results.push({ title: name, method: '', tables: [], targets: [], notes: [`This section failed to run: ${(error as Error).message}`] });
    }
  }
  const file = path.join(REPO, quick ? 'test-results/BENCHMARKS.quick.md' : 'BENCHMARKS.md');
  await writeFile(file, render(results, quick, only !== null, Date.now() - started));
  process.stderr.write(`wrote ${path.relative(REPO, file)}\n`);
  process.exitCode = failed ? 1 : 0;
}

function render(results: SectionResult[], quick: boolean, partial: boolean, ms: number): string {
  const cpus = os.cpus();
  const lines = [
    '# Benchmarks',
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)} by \`npm run bench${quick ? ' -- --quick' : ''}\` in ${(ms / 60_000).toFixed(1)} min.`,
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}.`,
    'The machine is shared and noisy: the figures are medians and ratios measured side by side in one run, not single absolute times.',
    ...(quick ? ['', '**Quick mode** (CI\'s check that the benchmark still runs): fewer runs and smaller sizes. Do not quote these figures.'] : []),
    ...(partial ? ['', '**Partial run** (`--only`): some sections were skipped.'] : []),
    '',
    '## Targets',
    '',
    '| section | target | measured | met |',
    '| --- | --- | --- | --- |',
    ...results.flatMap((r) => r.targets.map((t) => `| ${r.title} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`)),
    '',
  ];
  for (const result of results) {
    lines.push(`## ${result.title}`, '', `**Method.** ${result.method}`, '');
    for (const t of result.tables) lines.push(t, '');
    for (const note of result.notes) lines.push(`- ${note}`);
    if (result.notes.length > 0) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

await main();
