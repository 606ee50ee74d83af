import { BOOKING_PACKAGE, CONTENT_PACKAGE, MAIN_PAGES, ROUTES, SELFTEST_PACKAGE, TABS } from './routes'

export default defineAppConfig({
  pages: MAIN_PAGES,
  subPackages: [SELFTEST_PACKAGE, CONTENT_PACKAGE, BOOKING_PACKAGE],
  // weapp: fetch the self-test subpackage while the 自测 tab is open, so the first test opens at once.
  preloadRule: {
    [ROUTES.tests]: { network: 'all', packages: [SELFTEST_PACKAGE.root] },
    // …and the content subpackage while 科普 or 放松 is open, so an article or the player opens at once.
    [ROUTES.articles]: { network: 'all', packages: [CONTENT_PACKAGE.root] },
    [ROUTES.relax]: { network: 'all', packages: [CONTENT_PACKAGE.root] },
    // …and the booking subpackage from 首页 and 我的, where 预约咨询 / 我的预约 start.
    [ROUTES.home]: { network: 'all', packages: [BOOKING_PACKAGE.root] },
    [ROUTES.me]: { network: 'all', packages: [BOOKING_PACKAGE.root] },
  },
  // weapp: 附近的驿站 asks for the position once (refusal falls back to choosing by area).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于为你找到离你最近的心安驿站' } },
  // weapp: relaxation audio keeps playing (background audio manager) with the screen locked or the app hidden.
  requiredBackgroundModes: ['audio'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#f5f8f6',
    navigationBarTitleText: '心安驿站',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f8f6',
  },
  // Text-only tab bar: WeChat allows items without iconPath.
  tabBar: {
    color: '#6b7a75',
    selectedColor: '#2f7d6d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: TABS.map((tab) => ({ pagePath: ROUTES[tab.route], text: tab.text })),
  },
})
