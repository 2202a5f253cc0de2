// The hash routes: #/ dashboard, #/module/<name>, #/anomalies, #/logs, #/settings. Pure.

export type Route =
  | { name: 'dashboard' }
  | { name: 'module'; module: string }
  | { name: 'anomalies' }
  | { name: 'logs' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

/** Parses `location.hash`. A bad %-escape in a module name is a not-found, not a crash. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/?/, '/');
  if (path === '/' || path === '') return { name: 'dashboard' };
  if (path === '/anomalies') return { name: 'anomalies' };
  if (path === '/logs') return { name: 'logs' };
  if (path === '/settings') return { name: 'settings' };
  const moduleMatch = /^\/module\/(.+)$/.exec(path);
  if (moduleMatch?.[1]) {
    try {
      return { name: 'module', module: decodeURIComponent(moduleMatch[1]) };
    } catch {
      return { name: 'not-found', path };
    }
  }
  return { name: 'not-found', path };
}

/** The href of a route, e.g. `#/module/signal%20generator`. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/';
    case 'module':
      return `#/module/${encodeURIComponent(route.module)}`;
    case 'anomalies':
    case 'logs':
    case 'settings':
      return `#/${route.name}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

/** The href of a module's detail screen. */
export const moduleHref = (module: string): string => hrefOf({ name: 'module', module });
