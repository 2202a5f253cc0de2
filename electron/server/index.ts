// The HTTP server, as one import for `sentinel serve`.
export { startServer, type RunningServer, type ServerOptions } from './http-server.js';
export { loadOrCreateToken, isLoopbackHost, TOKEN_FILE } from './auth.js';
