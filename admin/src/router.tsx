import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import FullPageSpin from './components/FullPageSpin';
import RequireAccess from './components/RequireAccess';
import RouteError from './components/RouteError';
import type { RouteMeta } from './hooks/useRouteMeta';
import BasicLayout from './layouts/BasicLayout';
import NotFound from './pages/exception/not-found';
import { APP_ROUTES, type AppRoute } from './routes';
import { CHANGE_PASSWORD_PATH, allowedPath, restoreSession } from './services/auth';
import { loginPathFor, safeReturnPath } from './utils/return-path';

/** Must match `base` in vite.config.ts. */
export const BASENAME = '/admin';

/** The path inside the app for a loader's request URL (which includes the basename). */
function appPath(request: Request): string {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(BASENAME) ? url.pathname.slice(BASENAME.length) || '/' : url.pathname;
  return path + url.search;
}

/**
 * Every signed-in page: restore the session after a reload, otherwise send the user to /login. A user who must
 * change their password is sent to 修改密码 instead of any page.
 */
async function requireSession({ request }: LoaderFunctionArgs) {
  const user = await restoreSession();
  if (!user) throw redirect(loginPathFor(appPath(request)));
  const path = appPath(request);
  if (allowedPath(user, path) !== path) throw redirect(allowedPath(user, path));
  return null;
}

/** 修改密码 needs a session (restored after a reload) and nothing more. */
async function requireAnySession({ request }: LoaderFunctionArgs) {
  const user = await restoreSession();
  if (!user) throw redirect(loginPathFor(appPath(request)));
  return null;
}

/** Someone already signed in (or restorable) who opens /login goes where they were heading. */
async function redirectIfSignedIn({ request }: LoaderFunctionArgs) {
  const user = await restoreSession();
  if (user) throw redirect(safeReturnPath(new URL(request.url).searchParams.get('from')));
  return null;
}

function guardedRoute(route: AppRoute): RouteObject {
  const handle: RouteMeta = { title: route.title, access: route.access };
  return {
    // '/' is the layout's own path: its page is a pathless guard with an index child.
    ...(route.path === '/' ? {} : { path: route.path.slice(1) }),
    handle,
    element: <RequireAccess flag={route.access} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await route.load()).default }),
      },
      ...(route.children ?? []).map(
        (child): RouteObject => ({
          path: child.path,
          handle: { title: child.title ?? route.title, access: route.access } satisfies RouteMeta,
          lazy: async () => ({ Component: (await child.load()).default }),
        }),
      ),
    ],
  };
}

const notFoundHandle: RouteMeta = { title: '页面不存在' };

export const routes: RouteObject[] = [
  {
    path: '/login',
    loader: redirectIfSignedIn,
    lazy: async () => ({ Component: (await import('./pages/auth/login')).default }),
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
  },
  {
    path: CHANGE_PASSWORD_PATH,
    loader: requireAnySession,
    lazy: async () => ({ Component: (await import('./pages/auth/change-password')).default }),
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
  },
  {
    path: '/',
    loader: requireSession,
    Component: BasicLayout,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    children: [
      {
        // Errors inside a page render inside the layout, so the menu stays usable.
        ErrorBoundary: RouteError,
        children: [...APP_ROUTES.map(guardedRoute), { path: '*', Component: NotFound, handle: notFoundHandle }],
      },
    ],
  },
];

export const router = createBrowserRouter(routes, { basename: BASENAME });
