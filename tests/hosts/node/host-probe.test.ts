import { describe, expect, it } from 'vitest';
import { createHostProbe } from '../../../electron/hosts/node/host-probe.js';

describe('createHostProbe', () => {
  it('reports the host CPU load and available memory as finite numbers', async () => {
    const context = await createHostProbe().sample();
    expect(context).not.toBeNull();
    expect(Number.isFinite(context!.cpuLoad)).toBe(true);
    expect(context!.cpuLoad).toBeGreaterThanOrEqual(0);
    expect(context!.availableMemoryMB).toBeGreaterThan(0);
  });

  it('converts available bytes to MB', async () => {
    const probe = createHostProbe({
      currentLoad: async () => ({ currentLoad: 42.5 }),
      mem: async () => ({ available: 512 * 1024 * 1024 }),
    });
    expect(await probe.sample()).toEqual({ cpuLoad: 42.5, availableMemoryMB: 512 });
  });

  it('returns null instead of throwing when a reading fails or is not a number', async () => {
    const failing = createHostProbe({
      currentLoad: async () => {
        throw new Error('no /proc/stat');
      },
      mem: async () => ({ available: 1 }),
    });
    expect(await failing.sample()).toBeNull();
    const garbage = createHostProbe({
      currentLoad: async () => ({ currentLoad: Number.NaN }),
      mem: async () => ({ available: 1 }),
    });
    expect(await garbage.sample()).toBeNull();
  });
});
