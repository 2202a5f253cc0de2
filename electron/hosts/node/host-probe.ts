// Host-wide context for a run, from systeminformation. Only host figures come from it: its
// per-process readings are too coarse for run metrics (see /work/shared/ENVIRONMENT.md).
import si from 'systeminformation';
import type { HostContext } from '../../shared/contract.js';
import type { HostProbe } from '../../engine/ports.js';

/** The two systeminformation calls the probe uses; injectable so tests can make them fail. */
export interface HostProbeSources {
  currentLoad(): Promise<{ currentLoad: number }>;
  mem(): Promise<{ available: number }>;
}

/** Creates a probe of whole-host CPU load (%) and available memory (MB); null on any failure. */
export function createHostProbe(sources: HostProbeSources = si): HostProbe {
  return {
    async sample(): Promise<HostContext | null> {
      try {
        const [load, mem] = await Promise.all([sources.currentLoad(), sources.mem()]);
        const context = { cpuLoad: load.currentLoad, availableMemoryMB: mem.available / (1024 * 1024) };
        return Number.isFinite(context.cpuLoad) && Number.isFinite(context.availableMemoryMB) ? context : null;
      } catch {
        return null;
      }
    },
  };
}
