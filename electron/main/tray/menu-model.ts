// The tray's context menu as data: items carry an action id, and setup-tray maps ids to calls.
import type { TrayState } from './tray-state.js';

/** What a menu item does when clicked. */
export type TrayAction = 'open-dashboard' | 'open-log-viewer' | 'run-now' | 'pause' | 'resume' | 'toggle-launch-at-login' | 'quit';

/** Every tray action, for validating an action named from outside. */
export const TRAY_ACTIONS: readonly TrayAction[] = ['open-dashboard', 'open-log-viewer', 'run-now', 'pause', 'resume', 'toggle-launch-at-login', 'quit'];

/** One menu item as data: the disabled status line, an action, a checkbox, or a separator. */
export type MenuItemModel =
  | { kind: 'status'; label: string }
  | { kind: 'action'; action: TrayAction; label: string }
  | { kind: 'toggle'; action: TrayAction; label: string; checked: boolean }
  | { kind: 'separator' };

/** Menu items that depend on more than the tray state. */
export interface MenuExtras {
  /** Whether Sentinel starts at login; null when the app offers no such setting (the item is left out). */
  launchAtLogin: boolean | null;
}

/** The menu for `state`: the status line, the actions, and Quit. */
export function menuModel(state: Pick<TrayState, 'statusLine' | 'paused'>, extras: MenuExtras = { launchAtLogin: null }): MenuItemModel[] {
  const items: MenuItemModel[] = [
    { kind: 'status', label: state.statusLine },
    { kind: 'action', action: 'open-dashboard', label: 'Open dashboard' },
    { kind: 'action', action: 'open-log-viewer', label: 'Open log viewer' },
    { kind: 'action', action: 'run-now', label: 'Run pipeline now' },
    state.paused ? { kind: 'action', action: 'resume', label: 'Resume' } : { kind: 'action', action: 'pause', label: 'Pause' },
  ];
  if (extras.launchAtLogin !== null) items.push({ kind: 'toggle', action: 'toggle-launch-at-login', label: 'Launch at login', checked: extras.launchAtLogin });
  items.push({ kind: 'separator' }, { kind: 'action', action: 'quit', label: 'Quit' });
  return items;
}

/** True when `value` names a tray action (for input from the test hook). */
export function isTrayAction(value: unknown): value is TrayAction {
  return TRAY_ACTIONS.includes(value as TrayAction);
}
