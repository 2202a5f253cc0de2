// The current route, from location.hash, as rune state.
import { parseRoute, type Route } from './routes';

type HashWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & { location: Pick<Location, 'hash'> };

export class Router {
  route = $state.raw<Route>({ name: 'dashboard' });
  /** How many navigations happened since start; 0 on the first screen (focus is left alone there). */
  navigations = $state(0);
  readonly #win: HashWindow;

  constructor(win: HashWindow = window) {
    this.#win = win;
    this.route = parseRoute(win.location.hash);
  }

  /** Follows hashchange events; returns the stop function. */
  start(): () => void {
    const onHashChange = (): void => {
      this.route = parseRoute(this.#win.location.hash);
      this.navigations += 1;
    };
    this.#win.addEventListener('hashchange', onHashChange);
    return () => this.#win.removeEventListener('hashchange', onHashChange);
  }
}
