// Feeds engine events through the notification policy and hands each notification to `show`.
// No Electron here: setup-notifications supplies `show`, tests supply their own.
import type { Engine } from '../../engine/supervisor/engine.js';
import { decideNotification, initialNotificationState, type SentinelNotification } from './notification-policy.js';

/** What the notifier needs: the engine, the setting, a clock and a way to show. */
export interface NotifierDeps {
  engine: Pick<Engine, 'subscribe'>;
  /** Read on every event, so a settings change applies at once. */
  enabled(): boolean;
  now(): number;
  show(notification: SentinelNotification): void;
}

/** The running notifier. */
export interface Notifier {
  /** How many notifications the policy has raised so far. */
  raised(): number;
  dispose(): void;
}

/** Subscribes to the engine and raises what the policy decides. */
export function createNotifier(deps: NotifierDeps): Notifier {
  let state = initialNotificationState();
  let raised = 0;
  const unsubscribe = deps.engine.subscribe((event) => {
    if (event.type !== 'anomaly-event' && event.type !== 'module-state') return;
    const decision = decideNotification(state, event, deps.now(), deps.enabled());
    state = decision.state;
    if (!decision.notification) return;
    raised += 1;
    deps.show(decision.notification);
  });
  return { raised: () => raised, dispose: unsubscribe };
}

/** The dashboard route a notification about `module` opens. */
export function moduleRoute(module: string): string {
  return `#/module/${encodeURIComponent(module)}`;
}
