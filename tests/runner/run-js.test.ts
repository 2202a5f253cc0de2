import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, jsTarget, runFixture } from './run-fixture.js';

describe('running a JS module', () => {
  it('runs a module that succeeds, passing on its output, its logs and the request env', async () => {
    const { outcome, lines, dataDir } = await runFixture(jsTarget('ok.mjs'), { env: { FIXTURE_GREETING: 'hi' } });
    expect(outcome.launchError).toBeNull();
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result).toMatchObject({ type: 'result', ok: true, error: null, api: null, requests: [] });
    expect(lines).toEqual(
      expect.arrayContaining([
        { line: 'hello from fixture-job', stream: 'stdout' },
        { line: 'a line on stderr', stream: 'stderr' },
        { line: 'warn via ctx.log', stream: 'warn' },
        { line: 'error via ctx.log', stream: 'error' },
        { line: 'first line', stream: 'info' },
        { line: 'second line', stream: 'info' },
        { line: 'env FIXTURE_GREETING=hi', stream: 'stdout' },
        { line: 'env SENTINEL_MODULE=fixture-job', stream: 'stdout' },
        { line: `cwd=${dataDir}`, stream: 'stdout' },
      ]),
    );
    expect(lines.find((l) => l.stream === 'info')?.line).toContain(`info via ctx.log { dataDir: '${dataDir}' }`);
    expect(outcome.outputTail).toContain('hello from fixture-job\n');
    expect(outcome.outputTail).toContain('a line on stderr\n');
  });

  it('names the runner process snt-<module>, cut to the 15 characters name lookups see', async () => {
    const { lines } = await runFixture(jsTarget('ok.mjs'));
    expect(lines).toContainEqual({ line: 'title=snt-fixture-job', stream: 'stdout' });
    expect(lines).toContainEqual({ line: 'comm=snt-fixture-job', stream: 'stdout' });
  });

  it('sets the request env before the module is imported', async () => {
    const { lines } = await runFixture(jsTarget('captures-env.mjs'), { env: { FIXTURE_AT_IMPORT: 'yes' } });
    expect(lines).toContainEqual({ line: 'at import: yes', stream: 'info' });
  });

  it('reports a thrown Error with its message and stack', async () => {
    const { outcome } = await runFixture(jsTarget('throws.mjs'));
    expect(outcome.result?.ok).toBe(false);
    expect(outcome.result?.error?.message).toBe('boom from the fixture');
    expect(outcome.result?.error?.stack).toMatch(/at throwBoom .*throws\.mjs/);
    expect(outcome.exitCode).toBe(0);
  });

  it('stringifies a thrown value that is not an Error', async () => {
    const { outcome } = await runFixture(jsTarget('throws-non-error.mjs'));
    expect(outcome.result?.error).toEqual({ message: '{"code":"E_FIXTURE","detail":42}', stack: null });
  });

  it('says clearly that the default export is missing', async () => {
    const { outcome } = await runFixture(jsTarget('no-default.mjs'));
    expect(outcome.result?.ok).toBe(false);
    expect(outcome.result?.error?.message).toMatch(/no-default\.mjs has no default export/);
  });

  it('fails the run when the module throws outside run(), instead of crashing without a result', async () => {
    const { outcome } = await runFixture(jsTarget('uncaught.mjs'));
    expect(outcome.result?.ok).toBe(false);
    expect(outcome.result?.error?.message).toBe('thrown from a timer');
    expect(outcome.wallSeconds).toBeLessThan(4);
  });

  it('reports a module that calls process.exit(3) as a crash: no result, exit code 3', async () => {
    const { outcome } = await runFixture(jsTarget('exits-nonzero.mjs'));
    expect(outcome).toMatchObject({ result: null, exitCode: 3, signal: null, launchError: null });
  });

  it('reports a missing module file as a failed run', async () => {
    const { outcome } = await runFixture({ kind: 'js', path: '/nonexistent/module.mjs' });
    expect(outcome.result?.ok).toBe(false);
    expect(outcome.result?.error?.message).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|nonexistent/);
  });

  it('never records 0 CPU or memory, even for a 50 ms job', async () => {
    const { outcome } = await runFixture(jsTarget('burn-cpu.mjs'), { env: { BURN_MS: '50' } });
    const result = outcome.result!;
    expect(cpuSecondsOf(result)).toBeGreaterThanOrEqual(0.05);
    expect(result.maxRssBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(result.method).toMatch(/resourceUsage/);
  });

  it('adds the CPU of child processes the module ran and waited for', async () => {
    const { outcome } = await runFixture(jsTarget('spawns-burner.mjs'), { env: { CHILD_BURN_MS: '300' } });
    const result = outcome.result!;
    expect(result.ok).toBe(true);
    // The runner's own share is under 0.2 s; the child adds its 0.3 s burn plus its own start-up.
    expect(cpuSecondsOf(result)).toBeGreaterThan(0.3 + 0.05);
    expect(result.method).toMatch(/cutime\+cstime/);
  });
});
