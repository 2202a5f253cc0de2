import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERIES = '1\n1\n1\n1\n1\n2\n1\n';

function start(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['electron/cli/bin.mjs', 'detect', ...args], { cwd: ROOT });
}

/** Runs `sentinel detect` on `input` (stdin then closed) and collects everything it prints. */
function run(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => {}); // the command may stop reading before all input is written
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Reads the child's stdout one line at a time, waiting for each. */
function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  let buffer = '';
  let waiting: (() => void) | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    waiting?.();
  });
  return async () => {
    while (!buffer.includes('\n')) await new Promise<void>((resolve) => (waiting = resolve));
    const at = buffer.indexOf('\n');
    const line = buffer.slice(0, at);
    buffer = buffer.slice(at + 1);
    return line;
  };
}

describe('sentinel detect', () => {
  it('writes one JSON verdict per input line by default', async () => {
    const { code, stdout, stderr } = await run([], SERIES);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => r.state)).toEqual(['warmup', 'warmup', 'warmup', 'warmup', 'warmup', 'anomaly', 'recovered']);
    expect(rows[0]).toEqual({ line: 1, value: 1, baseline: null, deviation: null, state: 'warmup', score: 0, outOfRange: false });
    expect(rows[5]).toEqual({ line: 6, value: 2, baseline: 1, deviation: 1, state: 'anomaly', score: 0.8, outOfRange: true });
    expect(rows[6]).toMatchObject({ value: 1, baseline: 1, deviation: 0, state: 'recovered', score: 0 });
  });

  it('writes the score with --format score', async () => {
    const { code, stdout } = await run(['--format', 'score'], SERIES);
    expect(code).toBe(0);
    expect(stdout).toBe('0\n0\n0\n0\n0\n0.8\n0\n');
  });

  it('writes 1 only on the line that opens an anomaly with --format flag', async () => {
    const { code, stdout } = await run(['--format', 'flag'], '1\n1\n1\n1\n1\n2\n2\n1\n');
    expect(code).toBe(0);
    expect(stdout).toBe('0\n0\n0\n0\n0\n1\n0\n0\n');
  });

  it('applies the metric direction and the detector flags', async () => {
    const down = await run(['--metric', 'cpu', '--format', 'flag'], '50\n50\n50\n50\n50\n10\n');
    expect(down.stdout).toBe('0\n0\n0\n0\n0\n0\n');
    const tuned = await run(['--lookback', '2', '--threshold', '0.1', '--floor', '0', '--recovery-window', '1'], '1\n1\n1.2\n1.2\n1.2\n');
    const states = tuned.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { state: string }).state);
    expect(states).toEqual(['warmup', 'warmup', 'anomaly', 'persisted', 'normal']);
  });

  it('skips blank lines but counts them in line numbers', async () => {
    const { code, stdout } = await run([], '1\n\n  \n2\r\n');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((line) => (JSON.parse(line) as { line: number }).line)).toEqual([1, 4]);
  });

  it('answers each line as soon as it arrives', async () => {
    const child = start(['--format', 'score']);
    const next = lineReader(child);
    try {
      for (const value of ['1', '1', '1', '1', '1']) {
        child.stdin.write(`${value}\n`);
        expect(await next()).toBe('0');
      }
      child.stdin.write('2\n');
      expect(await next()).toBe('0.8');
    } finally {
      child.stdin.end();
    }
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });

  it('stops with exit code 2 and names the line of a bad number', async () => {
    const { code, stdout, stderr } = await run([], '1\n2\n\nabc\n3\n');
    expect(code).toBe(2);
    expect(stderr).toBe('sentinel detect: line 4: "abc" is not a number\n');
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });

  it('rejects a number too large to be finite', async () => {
    const { code, stderr } = await run([], '1e999\n');
    expect(code).toBe(2);
    expect(stderr).toContain('line 1: "1e999" is not a finite number');
  });

  it('exits after a bad line even while stdin stays open', async () => {
    const child = start([]);
    child.stdin.write('1\nnope\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
  });

  it.each([
    [['--threshold', '-0.5'], /--threshold/],
    [['--lookback', '0'], /--lookback/],
    [['--recovery-window', '1.5'], /--recovery-window/],
    [['--floor', 'x'], /--floor/],
    [['--metric', 'disk'], /--metric/],
    [['--format', 'xml'], /--format/],
  ])('exits with code 2 on the bad flag %j', async (args, pattern) => {
    const { code, stdout, stderr } = await run(args, '1\n');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
  });

  it('describes every flag in its help', async () => {
    const { code, stdout } = await run(['--help'], '');
    expect(code).toBe(0);
    for (const flag of ['--metric', '--threshold', '--lookback', '--recovery-window', '--floor', '--format']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('Blank lines are skipped');
  });
});
