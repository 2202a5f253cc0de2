// The service, as one import for the hosts (HTTP server, Electron IPC handlers).
export { createSentinelService, type ServiceDeps } from './service.js';
export { fail, ok, toApiResult, type FailureKind, type SentinelService, type ServiceResult } from './result.js';
export * from './input-schemas.js';
