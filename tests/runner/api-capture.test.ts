import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsTarget, runFixture } from './run-fixture.js';

// /slow sends its headers at once, half of the body at 50 ms and the rest at 100 ms, so a latency
// near 100 ms proves timing runs to the end of the body; /status/503 fails; anything else is quick.
const server = http.createServer((request, response) => {
  if (request.url === '/slow') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.flushHeaders();
    setTimeout(() => response.write('half '), 50);
    setTimeout(() => response.end('done'), 100);
  } else if (request.url === '/status/503') {
    response.writeHead(503).end('unavailable');
  } else {
    response.end('ok');
  }
});
let base = '';
let closedPortUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: connections to it are refused.
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('capturing API calls of a JS module with no code in the module', () => {
  // On a loaded two-core machine a scheduler delay of the server or the job is real latency, not
  // a measurement error; the comparison with the module's own clock below is what pins accuracy.
  it('times fetch() and http.get() to the end of the body, within 10 ms of a 100 ms server', { retry: 2 }, async () => {
    const { outcome, lines } = await runFixture(jsTarget('http-calls.mjs'), {
      env: {
        WARMUP_URL: `${base}/warmup`,
        SENTINEL_TEST_URL: `${base}/slow`,
        FETCH_CALLS: '3',
        HTTP_CALLS: '3',
        LOG_TIMES: '1',
      },
    });
    const result = outcome.result!;
    expect(result.ok).toBe(true);
    const host = base.slice('http://'.length);
    expect(result.requests).toHaveLength(8);
    const slow = result.requests.slice(2);
    for (const request of slow) {
      expect(request).toMatchObject({ name: `GET ${host}`, method: 'GET', host, status: 200, ok: true, error: null });
      // Headers come at once and half the body at 50 ms: only the body's end is near 100 ms.
      expect(Math.abs(request.seconds - 0.1)).toBeLessThanOrEqual(0.01);
    }
    expect(result.api).toMatchObject({ count: 8, errors: 0 });
    expect(result.api!.max).toBeLessThanOrEqual(0.11);
    // The module timed each call around `await fetch(); await body`: the capture agrees within 5 ms.
    const ownTimes = lines.filter((l) => l.line.startsWith('took ')).map((l) => Number(l.line.slice(5)) / 1000);
    expect(ownTimes).toHaveLength(6);
    slow.forEach((request, i) => {
      expect(ownTimes[i]! - request.seconds).toBeGreaterThanOrEqual(0);
      expect(ownTimes[i]! - request.seconds).toBeLessThan(0.005);
    });
  });

  it('sees the first fetch() of the process, although Node loads its undici only then', async () => {
    const { outcome } = await runFixture(jsTarget('http-calls.mjs'), {
      env: { SENTINEL_TEST_URL: `${base}/fast`, FETCH_CALLS: '1', HTTP_CALLS: '0' },
    });
    expect(outcome.result!.requests).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, ok: true, host: base.slice('http://'.length) }),
    ]);
  });

  it('records refused connections and HTTP error statuses as failed calls', async () => {
    const { outcome } = await runFixture(jsTarget('http-calls.mjs'), {
      env: { SENTINEL_TEST_URL: `${base}/status/503`, FAILING_URL: closedPortUrl },
    });
    const requests = outcome.result!.requests;
    expect(requests.map((r) => [r.status, r.ok, r.error])).toEqual([
      [503, false, 'HTTP 503'],
      [503, false, 'HTTP 503'],
      [null, false, expect.stringContaining('ECONNREFUSED')],
      [null, false, expect.stringContaining('ECONNREFUSED')],
    ]);
    expect(outcome.result!.api).toMatchObject({ count: 4, errors: 4 });
  });

  it('times ctx.trackApi() calls once, not again for the HTTP calls inside them, and rethrows failures', async () => {
    const { outcome, lines } = await runFixture(jsTarget('http-calls.mjs'), {
      env: { SENTINEL_TEST_URL: `${base}/slow`, FETCH_CALLS: '0', HTTP_CALLS: '0', TRACKED: '1' },
    });
    const requests = outcome.result!.requests;
    expect(requests.map((r) => [r.name, r.ok, r.error])).toEqual([
      ['tracked-call', true, null],
      ['tracked-failure', false, 'upstream said no'],
    ]);
    expect(requests[0]!.seconds).toBeGreaterThan(0.09);
    expect(lines).toContainEqual({ line: 'tracked body: half done', stream: 'info' });
    expect(lines).toContainEqual({ line: 'rethrown: upstream said no', stream: 'info' });
  });

  it('keeps 1,000 request records but summarises all 1,100 requests', async () => {
    const { outcome } = await runFixture(jsTarget('http-calls.mjs'), {
      env: { SENTINEL_TEST_URL: `${base}/fast`, FETCH_CALLS: '600', HTTP_CALLS: '500' },
    });
    const result = outcome.result!;
    expect(result.requests).toHaveLength(1000);
    expect(result.api).toMatchObject({ count: 1100, errors: 0 });
    expect(result.api!.p95).toBeLessThanOrEqual(result.api!.max);
    expect(result.api!.mean).toBeGreaterThan(0);
  });
});
