// The runner's one link to its parent: Electron's parentPort in a utility process, else Node's IPC
// channel in a child_process.fork() child. Everything else in the runner is host-agnostic.

/**
 * @typedef {object} ParentChannel
 * @property {(handler: (message: unknown) => void) => void} onMessage
 * @property {(message: object) => Promise<void>} send resolves once the message has been handed over
 * @property {(handler: () => void) => void} onDisconnect called when the parent goes away
 */

/**
 * Electron's MessagePortMain, as much of it as the runner uses (electron's types are not loaded here).
 * @typedef {{ on(event: 'message', listener: (event: { data: unknown }) => void): void, postMessage(message: unknown): void }} ParentPort
 */

/**
 * Connects to whichever parent started this process; null when started some other way.
 * @returns {ParentChannel | null}
 */
export function connectToParent() {
  const parentPort = /** @type {{ parentPort?: ParentPort }} */ (/** @type {unknown} */ (process)).parentPort;
  if (parentPort) {
    return {
      onMessage: (handler) => parentPort.on('message', (event) => handler(event.data)),
      // postMessage queues the message synchronously; one turn of the loop lets it leave before exit.
      send: (message) => {
        parentPort.postMessage(message);
        return new Promise((resolve) => setImmediate(resolve));
      },
      // A utility process is killed with its parent, so there is nothing to watch.
      onDisconnect: () => {},
    };
  }
  const send = process.send?.bind(process);
  if (!send) return null;
  return {
    onMessage: (handler) => process.on('message', handler),
    send: (message) =>
      new Promise((resolve) => {
        // The callback fires once the message is written to the channel (or failed to be).
        if (process.connected) send(message, undefined, undefined, () => resolve());
        else resolve();
      }),
    onDisconnect: (handler) => process.on('disconnect', handler),
  };
}
