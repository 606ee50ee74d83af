// The one table of signed-in pages. It drives both the router (src/router.tsx: each entry becomes a
// route guarded by its access flag) and the Sider menu (src/layouts/BasicLayout.tsx: entries the
// user's flags allow). To add a page, add a row here; see README.md "How to add a page".
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  InboxOutlined,
  PictureOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { AccessFlag, AccessFlags } from './access';

/** A page below a menu entry (an editor, a detail page): same access flag, not in the menu. */
export interface AppSubRoute {
  /** Relative to the parent entry, e.g. 'new' or ':id'. */
  path: string;
  /** Page title while it is open; the parent's title when left out. */
  title?: string;
  load: () => Promise<{ default: ComponentType }>;
}

export interface AppRoute {
  /** Absolute path inside the app (the /admin basename is added by the router). */
  path: string;
  /** Menu label and page title. */
  title: string;
  icon: ReactNode;
  /** The flag from src/access.ts that must be true to see the menu item and open the page. */
  access: AccessFlag;
  /** The page module, loaded on first visit (its own chunk). */
  load: () => Promise<{ default: ComponentType }>;
  /** Pages under this entry's path; they highlight this entry in the menu. */
  children?: readonly AppSubRoute[];
}

export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    title: '工作台',
    icon: <DashboardOutlined />,
    access: 'canViewDashboard',
    load: () => import('./pages/dashboard/workplace'),
  },
  {
    path: '/articles',
    title: '文章管理',
    icon: <FileTextOutlined />,
    access: 'canEditContent',
    load: () => import('./pages/content/articles'),
    children: [
      { path: 'new', title: '新建文章', load: () => import('./pages/content/article-editor') },
      { path: ':id', title: '编辑文章', load: () => import('./pages/content/article-editor') },
    ],
  },
  {
    path: '/media',
    title: '媒体库',
    icon: <PictureOutlined />,
    access: 'canEditContent',
    load: () => import('./pages/content/media'),
  },
  {
    path: '/review',
    title: '审核队列',
    icon: <AuditOutlined />,
    access: 'canReview',
    load: () => import('./pages/review/queue'),
    children: [{ path: ':id', title: '审核文章', load: () => import('./pages/review/detail') }],
  },
  {
    path: '/bookings',
    title: '预约收件箱',
    icon: <InboxOutlined />,
    access: 'canHandleBookings',
    load: () => import('./pages/bookings/inbox'),
  },
  {
    path: '/activities',
    title: '活动管理',
    icon: <CalendarOutlined />,
    access: 'canManageActivities',
    load: () => import('./pages/activities/manage'),
  },
  {
    path: '/station-info',
    title: '站点信息',
    icon: <ShopOutlined />,
    access: 'canViewOwnStations',
    load: () => import('./pages/stations/list'),
    children: [{ path: ':id', title: '站点详情', load: () => import('./pages/stations/detail') }],
  },
  {
    path: '/stations',
    title: '站点管理',
    icon: <ApartmentOutlined />,
    access: 'canManageStations',
    load: () => import('./pages/stations/list'),
    children: [{ path: ':id', title: '站点详情', load: () => import('./pages/stations/detail') }],
  },
  {
    path: '/counselors',
    title: '咨询师管理',
    icon: <SolutionOutlined />,
    access: 'canManageCounselors',
    load: () => import('./pages/stations/counselors'),
  },
  {
    path: '/staff',
    title: '人员账号',
    icon: <TeamOutlined />,
    access: 'canManageStaff',
    load: () => import('./pages/staff/accounts'),
  },
  {
    path: '/stats',
    title: '数据概览',
    icon: <BarChartOutlined />,
    access: 'canViewStats',
    load: () => import('./pages/stats/overview'),
  },
];

/** The entries this user may open, in menu order. */
export function menuRoutes(access: AccessFlags): AppRoute[] {
  return APP_ROUTES.filter((route) => access[route.access]);
}

/** The entry the current location belongs to ("/stations/12" belongs to "/stations"). */
export function routeForPath(pathname: string): AppRoute | undefined {
  if (pathname === '/' || pathname === '') return APP_ROUTES.find((route) => route.path === '/');
  return APP_ROUTES.find(
    (route) => route.path !== '/' && (pathname === route.path || pathname.startsWith(`${route.path}/`)),
  );
}
