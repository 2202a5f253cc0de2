// The access token of `sentinel serve`: handed over once in the URL (`#token=…`), then kept in
// sessionStorage and removed from the address bar so it is not bookmarked, shared or screenshotted.

const STORAGE_KEY = 'sentinel.token';

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Reads `#token=…` (storing it and cleaning the URL) or the token stored earlier in this session. */
export function takeToken(sources: TokenSources): string | null {
  const { location, history, storage } = sources;
  const hash = location.hash.replace(/^#/, '');
  if (hash.startsWith('token=')) {
    const token = new URLSearchParams(hash).get('token');
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    if (token) {
      try {
        storage?.setItem(STORAGE_KEY, token);
      } catch {
        // Storage can be disabled; the token still works for this page load.
      }
      return token;
    }
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The token source of a real browser window. */
export function browserTokenSources(win: Window): TokenSources {
  let storage: Storage | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  return { location: win.location, history: win.history, storage };
}
