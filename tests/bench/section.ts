// What each benchmark section returns; run.ts turns them into BENCHMARKS.md.

/** One target of the issue, with what was measured and whether it was met. Never bent to pass. */
export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
}

export interface SectionResult {
  title: string;
  /** How it was measured, in a few sentences: what is compared with what, how many runs, which statistic. */
  method: string;
  /** Markdown tables (with header rows). */
  tables: string[];
  targets: TargetResult[];
  /** Anything a reader must know: caveats, missed targets explained, what quick mode skipped. */
  notes: string[];
}

export interface BenchOptions {
  /** CI's quick mode: fewer runs and smaller sizes, same code paths. */
  quick: boolean;
  /** A scratch folder for this section. */
  workDir: string;
  log(message: string): void;
}

export type Section = (options: BenchOptions) => Promise<SectionResult>;

/** A markdown table from a header and rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The median of a list (NaN for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
