// One process's own CPU and memory over a window, from /proc (utime+stime ticks; VmRSS at 1 Hz; VmHWM).
import { performance } from 'node:perf_hooks';
import { CLOCK_TICKS_PER_SECOND, readMemory, readStat } from '../../electron/runner/proc-tree.mjs';
import { median } from './section.js';

export interface ProcWindow {
  /** CPU of the process itself (not its children) as % of one core over the window. */
  cpuPct: number;
  cpuSeconds: number;
  /** Median of the 1 Hz VmRSS samples, MB. */
  rssMedianMb: number;
  /** VmHWM at the end: the process's peak RSS over its whole life, start-up included, MB. */
  hwmMb: number;
}

export interface ProcWatch {
  /** Stops sampling and returns the window's figures; throws when the process died meanwhile. */
  stop(): ProcWindow;
}

const MB = 1024 * 1024;

function ownCpuTicks(pid: number): number {
  const stat = readStat(pid);
  if (stat === null) throw new Error(`process ${pid} is gone`);
  return stat.utime + stat.stime;
}

/** Starts the window for `pid` now. */
export function watchProcess(pid: number): ProcWatch {
  const t0 = performance.now();
  const ticks0 = ownCpuTicks(pid);
  const rss: number[] = [];
  const sample = (): void => {
    const memory = readMemory(pid);
    if (memory) rss.push(memory.rssBytes);
  };
  sample();
  const timer = setInterval(sample, 1_000);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = (ownCpuTicks(pid) - ticks0) / CLOCK_TICKS_PER_SECOND;
      const memory = readMemory(pid);
      if (memory === null) throw new Error(`process ${pid} is gone`);
      return { cpuPct: (cpuSeconds / seconds) * 100, cpuSeconds, rssMedianMb: median(rss) / MB, hwmMb: memory.hwmBytes / MB };
    },
  };
}
