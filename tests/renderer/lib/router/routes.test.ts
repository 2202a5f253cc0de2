import { describe, expect, it } from 'vitest';
import { hrefOf, moduleHref, parseRoute } from '../../../../renderer/src/lib/router/routes';

describe('routes', () => {
  it('parses every screen', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/anomalies')).toEqual({ name: 'anomalies' });
    expect(parseRoute('#/logs')).toEqual({ name: 'logs' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('round-trips module names with slashes, spaces, percent signs and HTML', () => {
    for (const module of ['collector', 'a/b', 'sig gen', '100%', '<img src=x onerror=alert(1)>', 'é#?']) {
      expect(parseRoute(moduleHref(module))).toEqual({ name: 'module', module });
    }
  });

  it('treats a broken escape as not found rather than throwing', () => {
    expect(parseRoute('#/module/%E0%A4%A').name).toBe('not-found');
  });

  it('builds hrefs', () => {
    expect(hrefOf({ name: 'logs' })).toBe('#/logs');
    expect(hrefOf({ name: 'dashboard' })).toBe('#/');
  });
});
