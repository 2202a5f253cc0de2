// Which log lines the viewer shows, and the choices its filter menus offer. Pure.
import type { LogLine } from '$shared/api';

export interface LogFilter {
  module: string;
  metric: string;
  event: string;
  level: string;
  /** Case-insensitive substring of the line's text. */
  text: string;
}

export const EMPTY_FILTER: LogFilter = { module: '', metric: '', event: '', level: '', text: '' };

export type FacetKey = 'module' | 'metric' | 'event' | 'level';
export const FACETS: readonly FacetKey[] = ['module', 'metric', 'event', 'level'];

export function isFilterEmpty(filter: LogFilter): boolean {
  return !filter.module && !filter.metric && !filter.event && !filter.level && !filter.text.trim();
}

/** A predicate for `filter`; the text is lower-cased once, not once per line. */
export function lineMatcher(filter: LogFilter): (line: LogLine) => boolean {
  const needle = filter.text.trim().toLowerCase();
  const { module, metric, event, level } = filter;
  return (line) =>
    (!module || line.module === module) &&
    (!metric || line.metric === metric) &&
    (!event || line.event === event) &&
    (!level || line.level === level) &&
    (!needle || line.text.toLowerCase().includes(needle));
}

/** The values present per facet, to build the filter menus from. */
export type Facets = Record<FacetKey, ReadonlySet<string>>;

export function emptyFacets(): Facets {
  return { module: new Set(), metric: new Set(), event: new Set(), level: new Set() };
}

/** Adds the values of `lines` to `facets`; returns true when a menu gained a value. */
export function addToFacets(facets: Facets, lines: readonly LogLine[]): boolean {
  let grew = false;
  for (const line of lines) {
    for (const key of FACETS) {
      const value = line[key];
      if (value !== null && !facets[key].has(value)) {
        (facets[key] as Set<string>).add(value);
        grew = true;
      }
    }
  }
  return grew;
}
