import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../electron/shared/contract.js';
import {
  DEFAULT_DETECTOR,
  DEFAULT_FLOORS,
  METRIC_DIRECTIONS,
  detectorParamsFor,
} from '../../../electron/engine/detector/defaults.js';

describe('detector defaults', () => {
  it('watches runtime both ways and cpu, memory and apiLatency only upward', () => {
    expect(METRIC_DIRECTIONS).toEqual({ runtime: 'both', cpu: 'up', memory: 'up', apiLatency: 'up' });
  });

  it('defaults to a 25 % threshold, a lookback of 5 and a recovery window of 3', () => {
    expect(DEFAULT_DETECTOR).toEqual({ threshold: 0.25, lookback: 5, recoveryWindow: 3 });
  });

  it('has a floor for every metric in its own unit', () => {
    expect(DEFAULT_FLOORS).toEqual({ runtime: 0.05, cpu: 5, memory: 5, apiLatency: 0.05 });
    for (const metric of METRICS) expect(detectorParamsFor(metric).floor).toBe(DEFAULT_FLOORS[metric]);
  });
});

describe('detectorParamsFor', () => {
  it('gives the defaults when nothing overrides them', () => {
    expect(detectorParamsFor('runtime')).toEqual({ threshold: 0.25, lookback: 5, recoveryWindow: 3, floor: 0.05 });
  });

  it('lets module settings override global settings, which override the defaults', () => {
    const global = { threshold: 0.5, lookback: 10, floors: { cpu: 10, memory: 50 } };
    const module = { threshold: 0.1, floors: { cpu: 2 } };
    expect(detectorParamsFor('cpu', global, module)).toEqual({ threshold: 0.1, lookback: 10, recoveryWindow: 3, floor: 2 });
    expect(detectorParamsFor('memory', global, module)).toEqual({ threshold: 0.1, lookback: 10, recoveryWindow: 3, floor: 50 });
    expect(detectorParamsFor('runtime', global, module).floor).toBe(0.05);
  });

  it('ignores missing settings and undefined fields', () => {
    const params = detectorParamsFor('apiLatency', undefined, null, { threshold: undefined, recoveryWindow: 4 });
    expect(params).toEqual({ threshold: 0.25, lookback: 5, recoveryWindow: 4, floor: 0.05 });
  });

  it('accepts a floor of 0 to disable the floor', () => {
    expect(detectorParamsFor('memory', { floors: { memory: 0 } }).floor).toBe(0);
  });

  it('throws a RangeError naming the bad field and value', () => {
    expect(() => detectorParamsFor('cpu', { lookback: 0 })).toThrow(/lookback must be an integer >= 1, got 0/);
    expect(() => detectorParamsFor('cpu', { threshold: -1 })).toThrow(RangeError);
    expect(() => detectorParamsFor('cpu', { recoveryWindow: 1.5 })).toThrow(/recoveryWindow/);
    expect(() => detectorParamsFor('cpu', { floors: { cpu: Number.NaN } })).toThrow(/floor must be a finite number/);
  });
});
