import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, delay, fixture, isAlive, runFixture } from './run-fixture.js';

const sh = (name: string): { kind: 'command'; argv: string[] } => ({
  kind: 'command',
  argv: ['sh', fixture(`commands/${name}`)],
});
const node = (...args: string[]): { kind: 'command'; argv: string[] } => ({
  kind: 'command',
  argv: [process.execPath, ...args],
});

describe('running an external command', () => {
  it('runs it in the request cwd with the request env and the SENTINEL_* variables', async () => {
    const { outcome, lines, dataDir } = await runFixture(sh('events.sh'), { env: { FIXTURE_EXTRA: 'x1' } });
    expect(outcome.result).toMatchObject({ ok: true, exitCode: 0, signal: null, error: null });
    expect(lines).toContainEqual({
      line: `module=fixture-job data=${dataDir} extra=x1 cwd=${dataDir}`,
      stream: 'stdout',
    });
  });

  it('reads SENTINEL_EVENTS: good lines become requests, bad ones a warning naming the line; then deletes it', async () => {
    const { outcome, lines } = await runFixture(sh('events.sh'));
    const result = outcome.result!;
    expect(result.requests).toEqual([
      { name: 'odds', method: 'GET', host: 'odds.example', status: 200, ok: true, error: null, seconds: 0.21 },
      { name: 'scores', method: null, host: null, status: null, ok: false, error: 'timeout', seconds: 1.5 },
    ]);
    expect(result.api).toEqual({ count: 2, errors: 1, mean: 0.855, p95: 1.5, max: 1.5 });
    const warnings = lines.filter((l) => l.stream === 'warn').map((l) => l.line);
    expect(warnings).toEqual([
      expect.stringMatching(/^SENTINEL_EVENTS line 2 skipped: not JSON/),
      expect.stringMatching(/^SENTINEL_EVENTS line 5 skipped: unknown type "progress"/),
    ]);
    const eventsPath = lines.find((l) => l.line.startsWith('events='))!.line.slice('events='.length);
    expect(eventsPath).toMatch(/sentinel-events-/);
    expect(existsSync(eventsPath)).toBe(false);
  });

  it('reports a nonzero exit with its code and the last line of stderr', async () => {
    const { outcome, lines } = await runFixture(sh('fails.sh'));
    expect(outcome.result).toMatchObject({
      ok: false,
      exitCode: 4,
      signal: null,
      error: { message: 'exited with code 4: database unreachable', stack: null },
    });
    expect(lines).toContainEqual({ line: 'database unreachable', stream: 'stderr' });
    expect(lines).toContainEqual({ line: 'starting', stream: 'stdout' });
  });

  it('reports a command that cannot be started as a failed run', async () => {
    const { outcome } = await runFixture({ kind: 'command', argv: ['/nonexistent/sentinel-command'] });
    expect(outcome.result).toMatchObject({ ok: false, exitCode: null, maxRssBytes: null });
    expect(outcome.result?.error?.message).toMatch(/could not start \/nonexistent\/sentinel-command.*ENOENT/);
  });

  it('measures CPU and memory of the whole tree: two children burning at once', async () => {
    const { outcome } = await runFixture(node(fixture('commands/two-children.mjs')), {
      env: { BURN_MS: '300', ALLOC_MB: '60' },
    });
    const result = outcome.result!;
    expect(result.ok).toBe(true);
    // Each child burns 0.3 s on top of its own start-up; the parent script adds its own.
    expect(cpuSecondsOf(result)).toBeGreaterThan(0.6 + 0.1);
    // Two children holding 60 MB each at the same time, plus three node runtimes: far more
    // than any single process of the tree (about 110 MB) reaches.
    expect(result.maxRssBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(result.method).toMatch(/cutime\+cstime delta/);
  });

  it('never records 0 CPU or no memory for a 50 ms job', async () => {
    const inline = await runFixture(
      node('--input-type=module', '-e', `import { burnCpu } from ${JSON.stringify(fixture('work.mjs'))}; burnCpu(50);`),
    );
    const sleeper = await runFixture({ kind: 'command', argv: ['sh', '-c', 'sleep 0.05'] });
    // `sleep` uses under one clock tick of CPU: the schedstat lower bound keeps it above 0.
    for (const { outcome } of [inline, sleeper]) {
      const result = outcome.result!;
      expect(result.ok).toBe(true);
      expect(cpuSecondsOf(result)).toBeGreaterThan(0);
      expect(result.maxRssBytes).toBeGreaterThan(0);
    }
    const inlineCpu = cpuSecondsOf(inline.outcome.result!);
    expect(inlineCpu).toBeGreaterThanOrEqual(0.05);
  });

  it('kills the background processes a command leaves behind when it exits', async () => {
    const { outcome, lines } = await runFixture(sh('leaves-sleeper.sh'));
    expect(outcome.result?.ok).toBe(true);
    const sleeper = Number(lines.find((l) => l.line.startsWith('sleeper '))!.line.split(' ')[1]);
    await delay(50);
    expect(isAlive(sleeper)).toBe(false);
    expect(outcome.wallSeconds).toBeLessThan(5);
  });

  it('stops an aborted command with SIGTERM to its process group', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('operator stop'), 300);
    const { outcome, lines } = await runFixture(sh('leaves-sleeper.sh'), {
      env: { HANG: '1' },
      signal: controller.signal,
      graceMs: 5_000,
    });
    expect(outcome.aborted).toBe(true);
    expect(outcome.result).toMatchObject({ ok: false, exitCode: null, signal: 'SIGTERM' });
    expect(outcome.result?.error?.message).toBe('killed by SIGTERM (aborted: operator stop)');
    const sleeper = Number(lines.find((l) => l.line.startsWith('sleeper '))!.line.split(' ')[1]);
    expect(isAlive(sleeper)).toBe(false);
  });

  it('follows up with SIGKILL when an aborted command ignores SIGTERM', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('operator stop'), 300);
    const { outcome } = await runFixture(sh('ignores-term.sh'), { signal: controller.signal, graceMs: 5_000 });
    expect(outcome.aborted).toBe(true);
    expect(outcome.result).toMatchObject({ ok: false, signal: 'SIGKILL' });
    // Runner's own grace (1 s) ended it, well before the launcher's 5 s.
    expect(outcome.wallSeconds).toBeGreaterThan(1.2);
    expect(outcome.wallSeconds).toBeLessThan(4);
  });
});
