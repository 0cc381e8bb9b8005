// Hash routes: #/search (default), #/cases, #/case, #/case/<id>, #/kb, #/settings.
export type Route =
  { name: 'search' } | { name: 'cases' } | { name: 'case'; id: string | null } | { name: 'kb' } | { name: 'settings' };
export type RouteName = Route['name'];

export const DEFAULT_ROUTE: Route = { name: 'search' };

/** The route of a location hash, or null when the hash is not a route (e.g. `#main`, `#/nowhere`). */
export function parseHash(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return DEFAULT_ROUTE;
  if (!hash.startsWith('#/')) return null;
  const [head, ...rest] = hash.slice(2).split('/');
  switch (head) {
    case 'search':
    case 'cases':
    case 'kb':
    case 'settings':
      return rest.length === 0 ? { name: head } : null;
    case 'case': {
      if (rest.length > 1) return null;
      const raw = rest[0] ?? '';
      if (raw === '') return { name: 'case', id: null };
      try {
        return { name: 'case', id: decodeURIComponent(raw) };
      } catch {
        return null;
      }
    }
    default:
      return null;
  }
}

export function hrefOf(route: Route): string {
  if (route.name === 'case' && route.id !== null) return `#/case/${encodeURIComponent(route.id)}`;
  return `#/${route.name}`;
}

export class Router {
  #route = $state.raw<Route>(DEFAULT_ROUTE);

  constructor(hash = '') {
    this.#route = parseHash(hash) ?? DEFAULT_ROUTE;
  }

  get route(): Route {
    return this.#route;
  }

  /** Follows a new location hash; a hash that is not a route (an in-page anchor) keeps the current screen. */
  sync(hash: string): void {
    const next = parseHash(hash);
    if (next && hrefOf(next) !== hrefOf(this.#route)) this.#route = next;
  }
}
