// Keeps the tray's state in step with the engine and runs menu actions. No Electron here: setup-tray
// draws what this decides, so the wiring is tested against a real engine in plain Node.
import type { AppContext } from '../app-context.js';
import type { Engine } from '../../engine/supervisor/engine.js';
import { menuModel, type MenuItemModel, type TrayAction } from './menu-model.js';
import { initialTrayState, nextTrayState, type TrayColour, type TrayInput, type TrayState } from './tray-state.js';

/** What the controller needs: the engine to follow, and somewhere to draw. */
export interface TrayControllerDeps {
  engine: Pick<Engine, 'subscribe' | 'paused' | 'modules' | 'lastSummary'>;
  /** The launch-at-login setting, when the app has one (AppContext.launchAtLogin). */
  launchAtLogin?: Pick<NonNullable<AppContext['launchAtLogin']>, 'enabled'>;
  /** Draws the state; called once at the start and then only when something visible changed. */
  render(state: TrayState, menu: MenuItemModel[]): void;
}

/** The running controller: its state for tests and hooks, and a way to stop it. */
export interface TrayController {
  state(): TrayState;
  /** The colours shown so far, in order, without repeats (for tests: red, then green). */
  colours(): TrayColour[];
  /** Draws again, for a change outside the engine's events (the launch-at-login setting). */
  refresh(): void;
  dispose(): void;
}

/** How many colour changes the history keeps; enough for a test, bounded for a long-running app. */
const HISTORY_LIMIT = 200;

/** Subscribes to the engine, reduces its events to tray state and renders each visible change. */
export function createTrayController(deps: TrayControllerDeps): TrayController {
  const { engine } = deps;
  // An app may set the tray up after the engine has started: catch up from what it already knows.
  const catchUp: TrayInput[] = [
    { type: 'starting' },
    { type: 'paused', paused: engine.paused() },
    ...engine.modules().map((module) => ({ type: 'module-state' as const, module })),
  ];
  const summary = engine.lastSummary();
  if (summary) catchUp.push({ type: 'iteration', summary });
  let state = catchUp.reduce(nextTrayState, initialTrayState());
  const history: TrayColour[] = [state.colour];
  const render = (): void => deps.render(state, menuModel(state, { launchAtLogin: deps.launchAtLogin?.enabled() ?? null }));
  render();

  const unsubscribe = engine.subscribe((event) => {
    const next = nextTrayState(state, event);
    if (next === state) return;
    const visible = next.colour !== state.colour || next.tooltip !== state.tooltip || next.paused !== state.paused;
    state = next;
    if (history.at(-1) !== state.colour) history.push(state.colour);
    if (history.length > HISTORY_LIMIT) history.shift();
    if (visible) render();
  });
  return {
    state: () => state,
    colours: () => [...history],
    refresh: render,
    dispose: unsubscribe,
  };
}

/** Does what a menu item says, through the app context. */
export function runTrayAction(ctx: Pick<AppContext, 'engine' | 'openDashboard' | 'openLogViewer' | 'quit' | 'launchAtLogin'>, action: TrayAction): void {
  switch (action) {
    case 'open-dashboard':
      ctx.openDashboard();
      return;
    case 'open-log-viewer':
      ctx.openLogViewer();
      return;
    case 'run-now':
      // A click has no caller to hand a failed iteration to; the app's log is where it can be read.
      ctx.engine.runIteration().catch((error: unknown) => console.error('Sentinel: run now failed:', error));
      return;
    case 'pause':
      ctx.engine.pause();
      return;
    case 'resume':
      ctx.engine.resume();
      return;
    case 'toggle-launch-at-login':
      ctx.launchAtLogin?.set(!ctx.launchAtLogin.enabled());
      return;
    case 'quit':
      void ctx.quit();
      return;
  }
}
