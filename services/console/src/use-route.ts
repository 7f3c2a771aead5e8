import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './route.js';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The route in the URL's hash, and a way to go elsewhere (a history entry, so Back works). */
export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = formatRoute(route);
  }, []);
  return [parseRoute(hash), navigate];
}

/** The page's "as of" instant (ISO), or undefined for now. */
export function useAsOf(): string | undefined {
  const [route] = useRoute();
  return route.params.get('asOf') ?? undefined;
}
