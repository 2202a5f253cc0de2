// The service's reply envelope: an ApiResult whose failures also say what kind they are, so a
// transport (HTTP status codes, IPC) can map them without parsing messages.
import type { ApiResult, SentinelClient } from '../shared/api.js';

/** Why a call failed: bad input, something that does not exist, a state conflict, or a fault. */
export type FailureKind = 'invalid' | 'not-found' | 'conflict' | 'internal';

/** An ApiResult (assignable to one) whose failure carries its kind. */
export type ServiceResult<T> = { ok: true; data: T } | { ok: false; error: string; kind: FailureKind };

/** A successful reply. */
export const ok = <T>(data: T): ServiceResult<T> => ({ ok: true, data });

/** A failed reply of the given kind. */
export const fail = <T = never>(kind: FailureKind, error: string): ServiceResult<T> => ({ ok: false, error, kind });

/** The plain ApiResult of a service reply, as sent over a transport. */
export function toApiResult<T>(result: ServiceResult<T>): ApiResult<T> {
  return result.ok ? result : { ok: false, error: result.error };
}

/** Runs `task`, turning any throw into an `internal` failure: no call of the service ever rejects. */
export async function guard<T>(task: () => Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  try {
    return await task();
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}

type ClientCalls = Omit<SentinelClient, 'subscribe'>;

/** SentinelClient with ServiceResult replies: what the HTTP server and the IPC handlers call. */
export type SentinelService = {
  [K in keyof ClientCalls]: ClientCalls[K] extends (...args: infer A) => Promise<ApiResult<infer T>>
    ? (...args: A) => Promise<ServiceResult<T>>
    : never;
} & Pick<SentinelClient, 'subscribe'>;
