import { useMatches } from 'react-router';
import type { AccessFlag } from '../access';

/** What the route table (src/routes.tsx) attaches to each route as `handle`. */
export interface RouteMeta {
  title: string;
  access?: AccessFlag;
}

function isRouteMeta(handle: unknown): handle is RouteMeta {
  return typeof handle === 'object' && handle !== null && 'title' in handle && typeof handle.title === 'string';
}

/** The meta of the deepest matched route that has one (the page being shown). */
export function useRouteMeta(): RouteMeta | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const handle = matches[i]?.handle;
    if (isRouteMeta(handle)) return handle;
  }
  return null;
}
