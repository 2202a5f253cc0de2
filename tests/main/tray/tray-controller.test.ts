import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuItemModel, TrayAction } from '../../../electron/main/tray/menu-model.js';
import { createTrayController, runTrayAction } from '../../../electron/main/tray/tray-controller.js';
import type { TrayState } from '../../../electron/main/tray/tray-state.js';
import { controlledModule, harness, type Harness } from '../../engine/supervisor/engine-harness.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function engine(): Promise<Harness> {
  const h = await harness({ modules: [controlledModule('collector')] });
  cleanups.push(async () => {
    await h.engine.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  });
  return h;
}

/** A controller whose renders are kept, as the Electron tray would draw them. */
function controlled(h: Harness) {
  const renders: Array<{ state: TrayState; menu: MenuItemModel[] }> = [];
  const controller = createTrayController({ engine: h.engine, render: (state, menu) => renders.push({ state, menu }) });
  cleanups.push(async () => controller.dispose());
  return { controller, renders };
}

/** An app context over a real engine; the window and quit calls are recorded, as windows are not ours to open here. */
function appContext(h: Harness) {
  const calls: string[] = [];
  return {
    calls,
    ctx: {
      engine: h.engine,
      openDashboard: (route?: string) => void calls.push(`dashboard ${route ?? ''}`.trim()),
      openLogViewer: () => void calls.push('log viewer'),
      quit: async () => void calls.push('quit'),
    },
  };
}

const actionsOf = (menu: MenuItemModel[]): TrayAction[] => menu.flatMap((item) => (item.kind === 'action' ? [item.action] : []));

describe('the tray controller over a real engine', () => {
  it('draws grey at once, then green after the first iteration', async () => {
    const h = await engine();
    const { controller, renders } = controlled(h);
    expect(renders).toHaveLength(1);
    expect(renders[0]?.state).toMatchObject({ colour: 'grey', tooltip: 'Sentinel — Starting…' });
    await h.engine.runIteration();
    expect(controller.state()).toMatchObject({ colour: 'green', tooltip: 'Sentinel — Performance OK' });
    expect(renders.at(-1)?.state.colour).toBe('green');
    expect(controller.colours()).toEqual(['grey', 'green']);
  });

  it('redraws only when something visible changes, not on every log line and run', async () => {
    const h = await engine();
    const { renders } = controlled(h);
    await h.engine.runIteration();
    await h.engine.runIteration();
    // Two iterations make dozens of events (runs, logs, module states, statuses); the tray changed once.
    expect(h.events.length).toBeGreaterThan(10);
    expect(renders.map((render) => render.state.colour)).toEqual(['grey', 'green']);
  });

  it('catches up with an engine that ran and was paused before the tray was set up', async () => {
    const h = await engine();
    await h.engine.runIteration();
    h.engine.pause();
    const { controller, renders } = controlled(h);
    expect(controller.state()).toMatchObject({ colour: 'grey', paused: true, tooltip: 'Sentinel — Paused (Performance OK)' });
    expect(actionsOf(renders[0]?.menu ?? [])).toContain('resume');
  });

  it('pauses and resumes the real engine from the menu: grey with Resume, then green with Pause', async () => {
    const h = await engine();
    const { controller, renders } = controlled(h);
    const { ctx } = appContext(h);
    await h.engine.runIteration();
    runTrayAction(ctx, 'pause');
    expect(h.engine.paused()).toBe(true);
    expect(controller.state().colour).toBe('grey');
    expect(actionsOf(renders.at(-1)?.menu ?? [])).toEqual(['open-dashboard', 'open-log-viewer', 'run-now', 'resume', 'quit']);
    runTrayAction(ctx, 'resume');
    expect(h.engine.paused()).toBe(false);
    expect(controller.state().colour).toBe('green');
    expect(actionsOf(renders.at(-1)?.menu ?? [])).toContain('pause');
  });

  it('runs the pipeline now from the menu', async () => {
    const h = await engine();
    const { controller } = controlled(h);
    const { ctx } = appContext(h);
    runTrayAction(ctx, 'run-now');
    await expect.poll(() => controller.state().colour, { timeout: 20_000 }).toBe('green');
    expect(h.events.some((event) => event.type === 'run-finished' && event.run.module === 'collector')).toBe(true);
  });

  it('opens the dashboard and the log viewer and quits through the app context', async () => {
    const h = await engine();
    const { ctx, calls } = appContext(h);
    for (const action of ['open-dashboard', 'open-log-viewer', 'quit'] as const) runTrayAction(ctx, action);
    expect(calls).toEqual(['dashboard', 'log viewer', 'quit']);
  });

  it('stops listening once disposed', async () => {
    const h = await engine();
    const { controller, renders } = controlled(h);
    controller.dispose();
    await h.engine.runIteration();
    expect(renders).toHaveLength(1);
    expect(controller.state().colour).toBe('grey');
  });
});
