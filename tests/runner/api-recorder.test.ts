import { describe, expect, it } from 'vitest';
import { createApiRecorder, summarize } from '../../electron/runner/api-recorder.mjs';
import type { ApiRequest } from '../../electron/shared/contract.js';

const request = (seconds: number, ok = true): ApiRequest => ({
  name: 'GET example',
  method: 'GET',
  host: 'example',
  status: ok ? 200 : 500,
  ok,
  error: ok ? null : 'HTTP 500',
  seconds,
});

describe('createApiRecorder', () => {
  it('summarises nothing as null', () => {
    expect(createApiRecorder().summary()).toBeNull();
  });

  it('keeps only the first records past the limit but summarises every request', () => {
    const recorder = createApiRecorder(3);
    [0.1, 0.2, 0.3, 0.4, 1.0].forEach((s, i) => recorder.add(request(s, i !== 4)));
    expect(recorder.records().map((r) => r.seconds)).toEqual([0.1, 0.2, 0.3]);
    expect(recorder.summary()).toEqual({ count: 5, errors: 1, mean: 0.4, p95: 1.0, max: 1.0 });
  });
});

describe('summarize', () => {
  it('takes the p95 by nearest rank', () => {
    const seconds = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(seconds, 0)).toMatchObject({ count: 100, p95: 95, max: 100, mean: 50.5 });
  });

  it('gives a single request as its own mean, p95 and max', () => {
    expect(summarize([0.25], 1)).toEqual({ count: 1, errors: 1, mean: 0.25, p95: 0.25, max: 0.25 });
  });
});
