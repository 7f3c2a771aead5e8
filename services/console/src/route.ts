/** Where the user is: the page and its parameters, kept in the URL's hash so that links and Back work. */
export interface Route {
  page: 'ministry' | 'province' | 'auditor' | 'sign-in';
  /** The province of a province page (`#/province/thai-nguyen-2025`). */
  province?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const page = parts[0];
  if (page === 'ministry' || page === 'auditor') return { page, params };
  if (page === 'province') return { page, ...(parts[1] && { province: decodeURIComponent(parts[1]) }), params };
  return { page: 'sign-in', params };
}

export function formatRoute(route: Route): string {
  const path =
    route.page === 'province' && route.province ? `province/${encodeURIComponent(route.province)}` : route.page;
  const query = route.params.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** The same route with some parameters set (a value) or removed (undefined or ''). */
export function withParams(route: Route, changes: Record<string, string | undefined>): Route {
  const params = new URLSearchParams(route.params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  return { ...route, params };
}
