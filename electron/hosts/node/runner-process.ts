// One runner process as watchRunner follows it, whatever started it: a Node child process here, an
// Electron utility process in the desktop app (electron/main/utility-launcher.ts adapts that one).
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ParentToRunner } from '../../shared/contract.js';

/** The handful of things watchRunner needs from a runner process. */
export interface RunnerProcess {
  /** Undefined when the process never started. */
  readonly pid: number | undefined;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** False when the host reports only an exit code (Electron): a kill then reads as SIGKILL. */
  readonly reportsSignals: boolean;
  /** Sends a message while the channel is open; never throws. */
  send(message: ParentToRunner): void;
  onMessage(listener: (message: unknown) => void): void;
  /** A failure to start, or of the channel; only meaningful while `pid` is undefined. */
  onError(listener: (error: unknown) => void): void;
  onExit(listener: (exitCode: number | null, signal: string | null) => void): void;
  /** After the exit, once stdout and stderr have closed. */
  onClose(listener: () => void): void;
  /** Closes the message channel, if the host has one to close. */
  disconnect(): void;
}

/** A forked Node child (with an IPC channel) as a RunnerProcess. */
export function childRunnerProcess(child: ChildProcess): RunnerProcess {
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    reportsSignals: true,
    send(message) {
      try {
        if (child.connected) child.send(message, () => {});
      } catch {
        // The channel closed under us: the exit handler reports what happened.
      }
    },
    onMessage: (listener) => void child.on('message', listener),
    onError: (listener) => void child.on('error', listener),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
    onClose: (listener) => void child.once('close', () => listener()),
    disconnect() {
      if (child.connected) child.disconnect();
    },
  };
}
