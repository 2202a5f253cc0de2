// Readable console output for `sentinel run`: one line per run, the status lines and the iteration summary.
import pc from 'picocolors';
import type { EngineEvent, IterationSummary, RunRecord, Verdict, MetricName } from '../../shared/contract.js';

type Write = (line: string) => void;

/** Host CPU load (% of all cores) from which an anomaly is reported as happening on a busy host. */
const BUSY_HOST_LOAD = 80;

/** An event sink that prints to the console. */
export function consolePrinter(write: Write = (line) => process.stdout.write(`${line}\n`)) {
  return (event: EngineEvent): void => {
    switch (event.type) {
      case 'run-finished':
        write(formatRun(event.run, event.verdicts));
        break;
      case 'status':
        write(event.line.startsWith('Performance OK') || event.line.startsWith('Anomaly recovered') ? pc.green(event.line) : pc.red(event.line));
        break;
      case 'iteration':
        write(formatSummary(event.summary));
        break;
      case 'problem':
        write(pc.yellow(`! ${event.source}: ${event.message}`));
        break;
      case 'anomaly-event':
        if (event.event.event === 'anomaly') {
          const e = event.event;
          const dev = e.deviationPct === null ? 'from a zero baseline' : `${e.deviationPct > 0 ? '+' : ''}${e.deviationPct}%`;
          // A busy host explains many slowdowns; say so next to the anomaly.
          const busy = e.host && e.host.cpuLoad >= BUSY_HOST_LOAD ? `; host busy: CPU ${Math.round(e.host.cpuLoad)}%` : '';
          write(pc.red(`  anomaly: ${e.module} ${e.metric} ${fmt(e.current)}${e.unit} vs baseline ${fmt(e.baseline)}${e.unit} (${dev}${busy})`));
        }
        break;
      default:
        break;
    }
  };
}

/** `collector         ok     1.23s  cpu  12.3%  mem  48.1 MB  api 0.051s (7 req)`. */
export function formatRun(run: RunRecord, verdicts: Partial<Record<MetricName, Verdict>> = {}): string {
  const m = run.metrics;
  const flag = (metric: MetricName): string => (verdicts[metric]?.outOfRange ? '!' : ' ');
  const status = run.status === 'ok' ? pc.green(run.status.padEnd(7)) : pc.red(run.status.padEnd(7));
  const parts = [
    `${run.module.padEnd(18)} ${status}`,
    `${flag('runtime')}${m.runtime.toFixed(2).padStart(7)}s`,
    `${flag('cpu')}cpu ${m.cpu === null ? '    -' : m.cpu.toFixed(1).padStart(5)}%`,
    `${flag('memory')}mem ${m.memory === null ? '    -' : m.memory.toFixed(1).padStart(6)} MB`,
  ];
  if (m.apiLatency !== null && run.api) parts.push(`${flag('apiLatency')}api ${m.apiLatency.toFixed(3)}s (${run.api.count} req)`);
  if (run.error) parts.push(pc.red(`- ${run.error.message.split('\n')[0]?.slice(0, 160) ?? ''}`));
  return parts.join('  ');
}

/** The iteration summary block. */
export function formatSummary(s: IterationSummary): string {
  const lines = [
    pc.dim(
      `-- iteration ${s.iteration} (${s.stage}): last run ${s.lastRunStatus ?? 'none'}, restarts ${s.restartCount}, ` +
        `modules tracked ${s.modulesTracked}, anomalies in the last hour ${s.anomaliesLastHour}` +
        (s.git ? `, git: ${s.git.ok ? 'ok' : `failed (${s.git.message})`}` : ''),
    ),
  ];
  for (const open of s.openAnomalies) {
    lines.push(pc.red(`   open: ${open.module} - ${open.metric} at ${fmt(open.current)} vs ${fmt(open.baseline)} (${open.runsSinceOpened} runs since opened)`));
  }
  if (s.erroredModules.length > 0) lines.push(pc.red(`   errored: ${s.erroredModules.join(', ')}`));
  return lines.join('\n');
}

function fmt(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
