// Follows prefers-color-scheme, so canvas charts (which cannot read CSS variables live) redraw on a theme change.

export class ColorScheme {
  dark = $state(false);
  readonly #query: MediaQueryList | null;

  constructor(matchMedia: ((query: string) => MediaQueryList) | null = globalThis.matchMedia?.bind(globalThis) ?? null) {
    this.#query = matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
    this.dark = this.#query?.matches ?? false;
  }

  start(): () => void {
    const query = this.#query;
    if (!query) return () => undefined;
    const onChange = (): void => {
      this.dark = query.matches;
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
}

/** Reads a CSS custom property as the element sees it. */
export function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}
