import { describe, expect, it } from 'vitest';
import { takeToken, type TokenSources } from '../../../../renderer/src/lib/client/token';

function sources(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [['sentinel.token', stored]] : []);
  const replaced: string[] = [];
  const value: TokenSources = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
  };
  return { value, store, replaced };
}

describe('takeToken', () => {
  it('takes the token from #token=, stores it for the session and removes it from the address bar', () => {
    const s = sources('#token=abc123');
    expect(takeToken(s.value)).toBe('abc123');
    expect(s.store.get('sentinel.token')).toBe('abc123');
    expect(s.replaced).toEqual(['/#/']);
  });

  it('falls back to the token stored earlier in the session', () => {
    const s = sources('#/logs', 'kept');
    expect(takeToken(s.value)).toBe('kept');
    expect(s.replaced).toEqual([]);
  });

  it('is null without a token anywhere', () => {
    expect(takeToken(sources('#/').value)).toBeNull();
  });
});
