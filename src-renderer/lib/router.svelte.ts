// Hash routes: #/search (default), #/cases, #/case, #/case/<id>, #/kb, #/kb/<kind>/<id>, #/settings.
import { KB_KINDS, type KbKind } from '../../src-main/core/contract';

export type Route =
  | { name: 'search' }
  | { name: 'cases' }
  | { name: 'case'; id: string | null }
  | { name: 'kb' }
  | { name: 'entry'; kind: KbKind; id: string }
  | { name: 'settings' };
export type RouteName = Route['name'];

export const DEFAULT_ROUTE: Route = { name: 'search' };

function isKbKind(value: string): value is KbKind {
  return (KB_KINDS as readonly string[]).includes(value);
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The route of a location hash, or null when the hash is not a route (e.g. `#main`, `#/nowhere`). */
export function parseHash(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return DEFAULT_ROUTE;
  if (!hash.startsWith('#/')) return null;
  const [head, ...rest] = hash.slice(2).split('/');
  switch (head) {
    case 'search':
    case 'cases':
    case 'settings':
      return rest.length === 0 ? { name: head } : null;
    case 'kb': {
      if (rest.length === 0) return { name: 'kb' };
      const [kind = '', rawId = ''] = rest;
      if (rest.length !== 2 || !isKbKind(kind) || rawId === '') return null;
      const id = decode(rawId);
      return id === null || id === '' ? null : { name: 'entry', kind, id };
    }
    case 'case': {
      if (rest.length > 1) return null;
      const raw = rest[0] ?? '';
      if (raw === '') return { name: 'case', id: null };
      const id = decode(raw);
      return id === null ? null : { name: 'case', id };
    }
    default:
      return null;
  }
}

export function hrefOf(route: Route): string {
  if (route.name === 'case' && route.id !== null) return `#/case/${encodeURIComponent(route.id)}`;
  if (route.name === 'entry') return entryHref(route.kind, route.id);
  return `#/${route.name}`;
}

/** The page of a knowledge-base entry. */
export function entryHref(kind: KbKind, id: string): string {
  return `#/kb/${kind}/${encodeURIComponent(id)}`;
}

/** The navigation item a route belongs to: an entry page is part of the knowledge base. */
export function sectionOf(route: Route): Exclude<RouteName, 'entry'> {
  return route.name === 'entry' ? 'kb' : route.name;
}

export class Router {
  #route = $state.raw<Route>(DEFAULT_ROUTE);
  readonly #setHash: (hash: string) => void;

  /** `setHash` changes the address bar (the browser's `location.hash` by default). */
  constructor(hash = '', setHash: (hash: string) => void = (h) => void (window.location.hash = h)) {
    this.#route = parseHash(hash) ?? DEFAULT_ROUTE;
    this.#setHash = setHash;
  }

  get route(): Route {
    return this.#route;
  }

  /** Follows a new location hash; a hash that is not a route (an in-page anchor) keeps the current screen. */
  sync(hash: string): void {
    const next = parseHash(hash);
    if (next && hrefOf(next) !== hrefOf(this.#route)) this.#route = next;
  }

  /** Goes to a route from code (e.g. Enter in the search box): updates the address bar and the screen. */
  open(href: string): void {
    if (!parseHash(href)) return;
    this.#setHash(href);
    this.sync(href);
  }
}
