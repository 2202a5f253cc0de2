// The IPC handlers of INVOKE_CHANNELS, without Electron: each refuses a sender that is not one of our
// windows, validates its arguments with the service's zod schemas and relays the service's reply.
// ipc.ts registers them with ipcMain; tests call them directly with fake events.
import { z } from 'zod';
import {
  acceptBaselineSchema,
  logsQuerySchema,
  MAX_LOG_LINES,
  moduleNameSchema,
  saveSettingsSchema,
  setEnabledSchema,
  toApiResult,
} from '../service/index.js';
import type { SentinelService, ServiceResult } from '../service/index.js';
import type { ApiResult } from '../shared/api.js';
import { INVOKE_CHANNELS, type InvokeArgs, type InvokeMethod } from '../shared/ipc.js';

/** One handler per channel, as ipcMain.handle takes them. */
export type IpcHandler<E> = (event: E, ...args: unknown[]) => Promise<ApiResult<unknown>>;

/** Thrown (so the renderer's invoke rejects) for a message from a window this app did not create. */
export class UntrustedSenderError extends Error {}

interface Call<A extends unknown[]> {
  /** Argument names, for messages. */
  names: string[];
  schema: z.ZodType<A, unknown>;
  run(service: SentinelService, args: A): Promise<ServiceResult<unknown>>;
}

const call = <A extends unknown[]>(names: string[], schema: z.ZodType<A, unknown>, run: Call<A>['run']): Call<A> => ({ names, schema, run });

// IPC carries numbers as numbers, where HTTP carried them as path segments and query strings.
const runSeq = z.number().int('run number must be a positive integer').min(1, 'run number must be a positive integer').max(Number.MAX_SAFE_INTEGER);
const logLimit = z.number().int('limit must be an integer').min(1, 'limit must be at least 1').max(MAX_LOG_LINES, `limit must be at most ${MAX_LOG_LINES}`);

// Typed against SentinelClient's own parameters, so a schema cannot drift from the contract.
const CALLS: { [M in InvokeMethod]: Call<InvokeArgs<M>> } = {
  state: call([], z.tuple([]), (service) => service.state()),
  moduleHistory: call(['module'], z.tuple([moduleNameSchema]), (service, [name]) => service.moduleHistory(name)),
  runDetail: call(['module', 'seq'], z.tuple([moduleNameSchema, runSeq]), (service, [name, seq]) => service.runDetail(name, seq)),
  anomalies: call([], z.tuple([]), (service) => service.anomalies()),
  acceptBaseline: call(['module', 'metric'], z.tuple([moduleNameSchema, acceptBaselineSchema.shape.metric]), (service, [module, metric]) =>
    service.acceptBaseline(module, metric),
  ),
  runNow: call(['module'], z.tuple([moduleNameSchema]), (service, [name]) => service.runNow(name)),
  setEnabled: call(['module', 'enabled'], z.tuple([moduleNameSchema, setEnabledSchema.shape.enabled]), (service, [name, enabled]) =>
    service.setEnabled(name, enabled),
  ),
  logSources: call([], z.tuple([]), (service) => service.logSources()),
  logs: call(['source', 'limit'], z.tuple([logsQuerySchema.shape.source, logLimit.optional()]), (service, [source, limit]) =>
    service.logs(source, limit),
  ),
  settings: call([], z.tuple([]), (service) => service.settings()),
  saveSettings: call(['config'], z.tuple([saveSettingsSchema]), (service, [config]) => service.saveSettings(config)),
};

/** The first problem of a failed parse, naming the argument (or the arity when that is wrong). */
function describeArgs(method: InvokeMethod, names: string[], args: unknown[], error: z.ZodError): string {
  const issue = error.issues[0];
  const [index, ...rest] = issue?.path ?? [];
  if (!issue || typeof index !== 'number') {
    const takes = names.length === 0 ? 'no arguments' : `(${names.join(', ')})`;
    return `${method}: takes ${takes}, got ${args.length} argument${args.length === 1 ? '' : 's'}`;
  }
  const where = [names[index] ?? `argument ${index + 1}`, ...rest.map(String)].join('.');
  return `${method}: ${where}: ${issue.message}`;
}

/**
 * The handler of every INVOKE_CHANNELS entry. `trusted(event)` decides whether the sender is ours;
 * an untrusted one is refused before its arguments are even looked at.
 */
export function createIpcHandlers<E>(service: SentinelService, trusted: (event: E) => boolean): Map<string, IpcHandler<E>> {
  const handlers = new Map<string, IpcHandler<E>>();
  for (const method of Object.keys(INVOKE_CHANNELS) as InvokeMethod[]) {
    const channel = INVOKE_CHANNELS[method];
    const spec = CALLS[method] as unknown as Call<unknown[]>;
    handlers.set(channel, async (event, ...args) => {
      if (!trusted(event)) throw new UntrustedSenderError(`${channel}: refused, the sender is not a Sentinel window`);
      const parsed = spec.schema.safeParse(args);
      if (!parsed.success) return { ok: false, error: describeArgs(method, spec.names, args, parsed.error) };
      return toApiResult(await spec.run(service, parsed.data));
    });
  }
  return handlers;
}
