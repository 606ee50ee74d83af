/**
 * Every page path in one place. app.config.ts builds `pages` and `tabBar` from this, and
 * pages navigate by route name (see services/navigation.ts), never by a hand-typed URL.
 * Pure data: app.config.ts is evaluated at build time, so no Taro imports here.
 */
export const ROUTES = {
  home: 'pages/home/index',
  articles: 'pages/articles/index',
  relax: 'pages/relax/index',
  tests: 'pages/tests/index',
  me: 'pages/me/index',
  // Crisis help must stay in the main package: it has to open even if a subpackage fails to load.
  hotline: 'pages/hotline/index',
  booking: 'pages/booking/index',
  // 我的数据与注销 (export, account deletion): a small page, in the main package beside 我的.
  myPrivacy: 'pages/me/privacy/index',
  // Self-tests: a subpackage (SELFTEST_PACKAGE below), loaded when a test is opened.
  selftestIntro: 'packages/selftest/pages/intro/index',
  selftestQuestion: 'packages/selftest/pages/question/index',
  selftestResult: 'packages/selftest/pages/result/index',
  selftestRecords: 'packages/selftest/pages/records/index',
  selftestReferral: 'packages/selftest/pages/referral/index',
  selftestReferrals: 'packages/selftest/pages/referrals/index',
  // Content (科普 article, player, breathing, videos, favorites): a subpackage (CONTENT_PACKAGE below); the 科普 and
  // 放松 tabs stay in the main package.
  article: 'packages/content/pages/article/index',
  player: 'packages/content/pages/player/index',
  breathing: 'packages/content/pages/breathing/index',
  video: 'packages/content/pages/video/index',
  favorites: 'packages/content/pages/favorites/index',
  // Booking (stations, slots, form, my bookings, messages, activities): a subpackage (BOOKING_PACKAGE below).
  // bookingDetail's path is fixed: WeChat subscribe messages open `packages/booking/pages/detail/index?id=`.
  bookingStations: 'packages/booking/pages/stations/index',
  bookingStation: 'packages/booking/pages/station/index',
  bookingSlots: 'packages/booking/pages/slots/index',
  bookingConfirm: 'packages/booking/pages/confirm/index',
  bookingSuccess: 'packages/booking/pages/success/index',
  bookingMine: 'packages/booking/pages/mine/index',
  bookingDetail: 'packages/booking/pages/detail/index',
  bookingMessages: 'packages/booking/pages/messages/index',
  bookingActivities: 'packages/booking/pages/activities/index',
} as const

export type RouteName = keyof typeof ROUTES

/** Tab bar order and labels (text-only tab bar). */
export const TABS = [
  { route: 'home', text: '首页' },
  { route: 'articles', text: '科普' },
  { route: 'relax', text: '放松' },
  { route: 'tests', text: '自测' },
  { route: 'me', text: '我的' },
] as const satisfies ReadonlyArray<{ route: RouteName; text: string }>

export type TabRouteName = (typeof TABS)[number]['route']

export function isTabRoute(name: RouteName): name is TabRouteName {
  return TABS.some((tab) => tab.route === name)
}

/** Query parameters a page reads with useRouter().params. */
export type RouteQuery = Readonly<Record<string, string>>

/** Absolute URL for Taro.navigateTo / switchTab / redirectTo, with an encoded query. */
export function routeUrl(name: RouteName, query: RouteQuery = {}): string {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return search ? `/${ROUTES[name]}?${search}` : `/${ROUTES[name]}`
}

/** Main-package pages, home first (the first entry is the launch page). */
export const MAIN_PAGES: string[] = [
  ROUTES.home,
  ROUTES.articles,
  ROUTES.relax,
  ROUTES.tests,
  ROUTES.me,
  ROUTES.hotline,
  ROUTES.booking,
  ROUTES.myPrivacy,
]

/** The self-test subpackage (app.config `subPackages`; scripts/build.mjs SUBPACKAGE_ROOTS lists the same root). */
export const SELFTEST_PACKAGE = {
  root: 'packages/selftest',
  pages: [ROUTES.selftestIntro, ROUTES.selftestQuestion, ROUTES.selftestResult, ROUTES.selftestRecords, ROUTES.selftestReferral, ROUTES.selftestReferrals]
    .map((page) => page.slice('packages/selftest/'.length)),
}

/** The content subpackage (app.config `subPackages`; preloaded from the 科普 and 放松 tabs). */
export const CONTENT_PACKAGE = {
  root: 'packages/content',
  pages: [ROUTES.article, ROUTES.player, ROUTES.breathing, ROUTES.video, ROUTES.favorites]
    .map((page) => page.slice('packages/content/'.length)),
}

/** The booking subpackage (app.config `subPackages`; preloaded from 首页 and 我的, where booking starts). */
export const BOOKING_PACKAGE = {
  root: 'packages/booking',
  pages: [ROUTES.bookingStations, ROUTES.bookingStation, ROUTES.bookingSlots, ROUTES.bookingConfirm, ROUTES.bookingSuccess,
    ROUTES.bookingMine, ROUTES.bookingDetail, ROUTES.bookingMessages, ROUTES.bookingActivities]
    .map((page) => page.slice('packages/booking/'.length)),
}
