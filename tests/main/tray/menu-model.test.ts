import { describe, expect, it } from 'vitest';
import { isTrayAction, menuModel, TRAY_ACTIONS } from '../../../electron/main/tray/menu-model.js';
import { initialTrayState, nextTrayState } from '../../../electron/main/tray/tray-state.js';

describe('the tray menu', () => {
  it('lists the status line, the four actions and Quit after a separator, in that order', () => {
    const state = nextTrayState(initialTrayState(), { type: 'starting' });
    expect(menuModel(state)).toEqual([
      { kind: 'status', label: 'Starting…' },
      { kind: 'action', action: 'open-dashboard', label: 'Open dashboard' },
      { kind: 'action', action: 'open-log-viewer', label: 'Open log viewer' },
      { kind: 'action', action: 'run-now', label: 'Run pipeline now' },
      { kind: 'action', action: 'pause', label: 'Pause' },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit' },
    ]);
  });

  it('offers Resume instead of Pause while paused, and shows the paused status', () => {
    const paused = nextTrayState(initialTrayState(), { type: 'paused', paused: true });
    const menu = menuModel(paused);
    expect(menu).toContainEqual({ kind: 'action', action: 'resume', label: 'Resume' });
    expect(menu.some((item) => item.kind === 'action' && item.action === 'pause')).toBe(false);
  });

  it('offers launch at login as a checkbox before Quit, only when the app has that setting', () => {
    const state = nextTrayState(initialTrayState(), { type: 'starting' });
    expect(menuModel(state).some((item) => item.kind === 'toggle')).toBe(false);
    const menu = menuModel(state, { launchAtLogin: true });
    expect(menu.slice(-3)).toEqual([
      { kind: 'toggle', action: 'toggle-launch-at-login', label: 'Launch at login', checked: true },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit' },
    ]);
  });

  it('carries action ids that the test hook accepts, and nothing else', () => {
    for (const action of TRAY_ACTIONS) expect(isTrayAction(action)).toBe(true);
    for (const other of ['Quit', 'open', '', null, 42, 'run-now '] as unknown[]) expect(isTrayAction(other)).toBe(false);
  });
});
