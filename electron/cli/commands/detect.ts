// `sentinel detect`: runs the anomaly detector over one series of numbers read from stdin,
// answering each line as soon as it arrives so it can sit at the end of a live pipe.
import { createInterface } from 'node:readline';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { METRICS, type DetectorParams, type MetricName, type Verdict } from '../../shared/contract.js';
import { DEFAULT_DETECTOR, DEFAULT_FLOORS, METRIC_DIRECTIONS } from '../../engine/detector/defaults.js';
import { emptyTrack, judge } from '../../engine/detector/judge.js';

const FORMATS = ['json', 'score', 'flag'] as const;
type Format = (typeof FORMATS)[number];

interface DetectOptions {
  metric: MetricName;
  threshold: number;
  lookback: number;
  recoveryWindow: number;
  floor?: number;
  format: Format;
}

/** Registers `sentinel detect`; bad input lines and bad flags end with exit code 2. */
export function registerDetect(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('detect')
    .description(
      'Judge a series of numbers read from stdin (one per line) and write one result line per number, ' +
        'as soon as each line arrives. Blank lines are skipped and produce no output. A line that is not ' +
        'a finite number stops the command with exit code 2.',
    )
    .addOption(
      new Option('--metric <name>', 'metric the series is, for its direction and default floor')
        .choices(METRICS)
        .default('runtime'),
    )
    .option('--threshold <n>', 'relative deviation that opens an anomaly (0.25 = 25 %)', nonNegative, DEFAULT_DETECTOR.threshold)
    .option('--lookback <n>', 'how many admitted samples form the baseline', positiveInteger, DEFAULT_DETECTOR.lookback)
    .option(
      '--recovery-window <n>',
      'samples after an opening that may come back in range before the shift is accepted',
      positiveInteger,
      DEFAULT_DETECTOR.recoveryWindow,
    )
    .option('--floor <n>', `absolute deviation also required, 0 disables (default: per metric, ${floorsText()})`, nonNegative)
    .addOption(
      new Option('--format <format>', 'json: one object per line {line, value, baseline, deviation (a fraction, null on a 0 baseline), state, ' +
          'score, outOfRange}; score: the score in [0,1], above 0.5 when out of range; flag: 1 on the line that ' +
          'opens an anomaly, else 0')
        .choices(FORMATS)
        .default('json'),
    )
    .action(async (options: DetectOptions) => {
      const params: DetectorParams = {
        threshold: options.threshold,
        lookback: options.lookback,
        recoveryWindow: options.recoveryWindow,
        floor: options.floor ?? DEFAULT_FLOORS[options.metric],
      };
      const problem = await detectStream(params, options);
      if (problem) {
        process.stderr.write(`sentinel detect: ${problem}\n`);
        setExitCode(2);
      }
    });
}

/** Judges stdin line by line; resolves to an error message for the first bad line, or null. */
async function detectStream(params: DetectorParams, options: DetectOptions): Promise<string | null> {
  const direction = METRIC_DIRECTIONS[options.metric];
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let track = emptyTrack();
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      const text = line.trim();
      if (text === '') continue;
      const value = parseNumber(text);
      if (typeof value === 'string') return `line ${lineNumber}: ${JSON.stringify(line)} ${value}`;
      // The CLI is the caller here, so it supplies the clock the pure detector does not read.
      const judged = judge(track, value, params, direction, { time: new Date().toISOString(), seq: lineNumber });
      track = judged.track;
      process.stdout.write(`${formatVerdict(judged.verdict, lineNumber, options.format)}\n`);
    }
    return null;
  } finally {
    lines.close();
    // Stop reading so a writer that keeps the pipe open cannot hold the process after an error.
    process.stdin.destroy();
  }
}

/** The number on a line, or why it is not one. Only plain decimals: no hex, no "Infinity". */
function parseNumber(text: string): number | string {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return 'is not a number';
  const value = Number(text);
  return Number.isFinite(value) ? value : 'is not a finite number';
}

function formatVerdict(verdict: Verdict, line: number, format: Format): string {
  if (format === 'score') return String(verdict.score);
  if (format === 'flag') return verdict.state === 'anomaly' ? '1' : '0';
  const { value, baseline, deviation, state, score, outOfRange } = verdict;
  return JSON.stringify({ line, value, baseline, deviation, state, score, outOfRange });
}

function nonNegative(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`expected a finite number >= 0, got "${raw}".`);
  }
  return value;
}

function positiveInteger(raw: string): number {
  const value = Number(raw);
  if (!/^\+?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${raw}".`);
  }
  return value;
}

function floorsText(): string {
  return METRICS.map((metric) => `${metric} ${DEFAULT_FLOORS[metric]}`).join(', ');
}
