import { afterEach, describe, expect, it } from 'vitest';
import { createIpcHandlers, UntrustedSenderError } from '../../electron/main/ipc-handlers.js';
import { ok, type SentinelService } from '../../electron/service/index.js';
import { INVOKE_CHANNELS, type InvokeMethod } from '../../electron/shared/ipc.js';
import { configWith, controlledModule, data, openService, type ServiceHarness } from '../service/service-harness.js';

interface FakeEvent {
  trusted: boolean;
}
const ours: FakeEvent = { trusted: true };
const stranger: FakeEvent = { trusted: false };
const trusted = (event: FakeEvent): boolean => event.trusted;

/** A service that records each call and answers ok with the arguments it got. */
function recordingService(): { service: SentinelService; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const service = new Proxy({} as SentinelService, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      calls.push([method, args]);
      return ok(args);
    },
  });
  return { service, calls };
}

/** Arguments each call accepts, as the renderer sends them. */
const GOOD_ARGS: Record<InvokeMethod, unknown[]> = {
  state: [],
  moduleHistory: ['collector'],
  runDetail: ['collector', 3],
  anomalies: [],
  acceptBaseline: ['collector', 'runtime'],
  runNow: ['collector'],
  setEnabled: ['collector', false],
  logSources: [],
  logs: ['module:collector', 500],
  settings: [],
  saveSettings: [{ modules: [] }],
};
const METHODS = Object.keys(INVOKE_CHANNELS) as InvokeMethod[];

describe('the IPC handlers', () => {
  it('cover every channel of the contract, and nothing else', () => {
    const { service } = recordingService();
    expect([...createIpcHandlers(service, trusted).keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it.each(METHODS)('refuse %s from a window the app did not create, before touching the service', async (method) => {
    const { service, calls } = recordingService();
    const handler = createIpcHandlers(service, trusted).get(INVOKE_CHANNELS[method])!;
    await expect(handler(stranger, ...GOOD_ARGS[method])).rejects.toThrow(UntrustedSenderError);
    await expect(handler(stranger, ...GOOD_ARGS[method])).rejects.toThrow(`${INVOKE_CHANNELS[method]}: refused`);
    expect(calls).toEqual([]);
  });

  it.each(METHODS)('relay %s from our window to the service with its arguments', async (method) => {
    const { service, calls } = recordingService();
    const handler = createIpcHandlers(service, trusted).get(INVOKE_CHANNELS[method])!;
    await expect(handler(ours, ...GOOD_ARGS[method])).resolves.toEqual({ ok: true, data: GOOD_ARGS[method] });
    expect(calls).toEqual([[method, GOOD_ARGS[method]]]);
  });

  it.each([
    ['moduleHistory', [], /^moduleHistory: takes \(module\), got 0 arguments/],
    ['moduleHistory', [''], /^moduleHistory: module: module name is empty/],
    ['moduleHistory', [{ toString: 'x' }], /^moduleHistory: module: /],
    ['runDetail', ['collector', 0], /^runDetail: seq: run number must be a positive integer/],
    ['runDetail', ['collector', 1.5], /^runDetail: seq: run number must be a positive integer/],
    ['runDetail', ['collector', '3'], /^runDetail: seq: /],
    ['acceptBaseline', ['collector', 'latency'], /^acceptBaseline: metric: /],
    ['setEnabled', ['collector', 'yes'], /^setEnabled: enabled: /],
    ['logs', ['../../etc/passwd'], /^logs: source: source must be "anomalies", "supervisor" or "module:<name>"/],
    ['logs', ['supervisor', 10_000_000], /^logs: limit: limit must be at most 100000/],
    ['saveSettings', [[1, 2]], /^saveSettings: config: expected the config as a JSON object/],
    ['saveSettings', [null], /^saveSettings: config: /],
    ['state', ['extra'], /^state: takes no arguments, got 1/],
    ['runNow', ['collector', 'extra'], /^runNow: takes \(module\), got 2 arguments/],
  ] as Array<[InvokeMethod, unknown[], RegExp]>)('answer %s(%j) with an error naming the argument, without calling the service', async (method, args, message) => {
    const { service, calls } = recordingService();
    const reply = await createIpcHandlers(service, trusted).get(INVOKE_CHANNELS[method])!(ours, ...args);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(message);
    expect(calls).toEqual([]);
  });

  it('accepts logs without a limit, as the client may call it', async () => {
    const { service, calls } = recordingService();
    await createIpcHandlers(service, trusted).get(INVOKE_CHANNELS.logs)!(ours, 'anomalies');
    // The service's own default (100,000 lines) then applies.
    expect(calls).toEqual([['logs', ['anomalies', undefined]]]);
  });
});

describe('the IPC handlers over the real service', () => {
  let harness: ServiceHarness | null = null;
  afterEach(async () => {
    await harness?.host.close();
    harness = null;
  });

  it('relay the service’s envelopes without its failure kinds', async () => {
    harness = await openService(configWith([controlledModule('alpha')]));
    const handlers = createIpcHandlers(harness.service, trusted);
    const state = data(await handlers.get(INVOKE_CHANNELS.state)!(ours));
    expect((state as { modules: Array<{ name: string }> }).modules.map((module) => module.name)).toEqual(['alpha']);
    const missing = await handlers.get(INVOKE_CHANNELS.moduleHistory)!(ours, 'nope');
    expect(missing).toEqual({ ok: false, error: 'no module named "nope"' });
  });
});
