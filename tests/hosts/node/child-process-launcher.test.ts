import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChildProcessLauncher } from '../../../electron/hosts/node/child-process-launcher.js';
import { delay, fixture, isAlive, jsTarget, runFixture, type FixtureRun } from '../../runner/run-fixture.js';

/** The pid a fixture printed or logged as `<label> <pid>`. */
function pidFrom(run: FixtureRun, label: string): number {
  const line = run.lines.find((l) => l.line.startsWith(`${label} `));
  if (!line) throw new Error(`no "${label} <pid>" line in ${JSON.stringify(run.lines)}`);
  return Number(line.line.split(' ')[1]);
}

describe('createChildProcessLauncher', () => {
  it('times a run on a monotonic clock and stamps its start and end', async () => {
    const { outcome } = await runFixture(jsTarget('burn-cpu.mjs'), { env: { BURN_MS: '200' } });
    expect(outcome.result?.ok).toBe(true);
    expect(outcome.wallSeconds).toBeGreaterThan(0.2);
    expect(outcome.endedAt).toBeGreaterThanOrEqual(outcome.startedAt);
    expect(Math.abs((outcome.endedAt - outcome.startedAt) / 1000 - outcome.wallSeconds)).toBeLessThan(0.05);
  });

  it('treats a timeout too long for setTimeout as no timeout rather than firing at once', async () => {
    const { outcome } = await runFixture(jsTarget('ok.mjs'), { timeoutMs: Number.POSITIVE_INFINITY });
    expect(outcome).toMatchObject({ timedOut: false, result: { ok: true } });
  });

  it('kills the whole tree on timeout, including a child the module started', async () => {
    const run = await runFixture(jsTarget('spawns-sleeper.mjs'), { env: { HANG: '1' }, timeoutMs: 800 });
    expect(run.outcome).toMatchObject({ timedOut: true, aborted: false, result: null, signal: 'SIGKILL' });
    expect(run.outcome.wallSeconds).toBeLessThan(3);
    await delay(50);
    expect(isAlive(pidFrom(run, 'sleeper'))).toBe(false);
  });

  it("kills a command's tree on timeout, though the command runs in a process group of its own", async () => {
    const run = await runFixture({ kind: 'command', argv: ['sh', fixture('commands/leaves-sleeper.sh')] }, {
      env: { HANG: '1' },
      timeoutMs: 800,
    });
    expect(run.outcome).toMatchObject({ timedOut: true, result: null, signal: 'SIGKILL' });
    await delay(50);
    expect(isAlive(pidFrom(run, 'shell'))).toBe(false);
    expect(isAlive(pidFrom(run, 'sleeper'))).toBe(false);
    // The killed runner could not remove its SENTINEL_EVENTS file; the launcher did.
    const eventsFile = run.lines.find((l) => l.line.startsWith('events '))!.line.slice('events '.length);
    expect(eventsFile).toMatch(/sentinel-events-/);
    expect(existsSync(eventsFile)).toBe(false);
  });

  it('leaves nothing behind when a module returns while its child still runs', async () => {
    const run = await runFixture(jsTarget('spawns-sleeper.mjs'));
    expect(run.outcome.result?.ok).toBe(true);
    await delay(50);
    expect(isAlive(pidFrom(run, 'sleeper'))).toBe(false);
  });

  it('asks the module to stop on abort and reports the run as aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('shutting down'), 300);
    const { outcome } = await runFixture(jsTarget('hangs.mjs'), { signal: controller.signal, graceMs: 5_000 });
    expect(outcome).toMatchObject({ aborted: true, timedOut: false, exitCode: 0 });
    expect(outcome.result?.error?.message).toBe('stopped: shutting down');
    expect(outcome.wallSeconds).toBeLessThan(3);
  });

  it('kills a module that ignores the abort once the grace period is over', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { outcome, lines } = await runFixture(jsTarget('hangs-ignoring-abort.mjs'), {
      signal: controller.signal,
      graceMs: 300,
    });
    expect(outcome).toMatchObject({ aborted: true, timedOut: false, result: null, signal: 'SIGKILL' });
    expect(outcome.wallSeconds).toBeGreaterThan(0.45);
    expect(outcome.wallSeconds).toBeLessThan(3);
    expect(lines).toContainEqual({ line: 'hanging, deaf to abort', stream: 'info' });
  });

  it('stops at once when the signal is already aborted', async () => {
    const { outcome } = await runFixture(jsTarget('hangs.mjs'), { signal: AbortSignal.abort('too late'), graceMs: 5_000 });
    expect(outcome.aborted).toBe(true);
    expect(outcome.result?.error?.message).toBe('stopped: too late');
  });

  it('kills the tree when it passes the memory limit', async () => {
    const { outcome } = await runFixture(jsTarget('alloc-memory.mjs'), {
      env: { ALLOC_MB: '300', HOLD_MS: '5000' },
      memoryLimitMB: 150,
    });
    expect(outcome).toMatchObject({ memoryLimitExceeded: true, timedOut: false, result: null, signal: 'SIGKILL' });
    expect(outcome.wallSeconds).toBeLessThan(4);
  });

  it('keeps a 200 MB flood of output bounded: a 64 KB tail, overlong lines cut, every line passed on', async () => {
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const run = await runFixture(jsTarget('flood-stdout.mjs'), { keepOutput: false }).finally(() =>
      clearInterval(sampler),
    );
    expect(run.outcome.result?.ok).toBe(true);
    // 2,100,000 lines of 100 bytes, one line of 1 MB, and `flood done`.
    expect(run.lineCount).toBe(2_100_002);
    expect(run.longestLine).toBeLessThanOrEqual(16 * 1024 + 20);
    expect(run.outcome.outputTail.length).toBe(64 * 1024);
    expect(run.outcome.outputTail.endsWith('y\nflood done\n')).toBe(true);
    // Buffering the flood would take 200 MB or more (twice that as JS strings).
    expect(rssPeak - rssBefore).toBeLessThan(120 * 1024 * 1024);
  });

  it('passes the runner log messages to onOutput and survives a listener that throws', async () => {
    const launcher = createChildProcessLauncher();
    const seen: string[] = [];
    const outcome = await launcher.launch(
      { type: 'start', module: 'fixture-job', target: jsTarget('ok.mjs'), cwd: '/tmp', dataDir: '/tmp', env: {} },
      {
        timeoutMs: 10_000,
        graceMs: 1_000,
        memoryLimitMB: null,
        signal: new AbortController().signal,
        onOutput: (line, stream) => {
          seen.push(`${stream}:${line}`);
          throw new Error('listener bug');
        },
      },
    );
    expect(outcome.result?.ok).toBe(true);
    expect(seen).toContain('warn:warn via ctx.log');
    expect(seen).toContain('stdout:hello from fixture-job');
  });

  it('reports a launch that cannot start as launchError instead of throwing', async () => {
    const { outcome } = await runFixture(jsTarget('ok.mjs'), { launcher: { execPath: '/nonexistent/node' } });
    expect(outcome.result).toBeNull();
    expect(outcome.launchError).toMatch(/ENOENT/);
  });
});
