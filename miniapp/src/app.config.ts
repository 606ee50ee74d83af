import { MAIN_PAGES, ROUTES, SELFTEST_PACKAGE, TABS } from './routes'

export default defineAppConfig({
  pages: MAIN_PAGES,
  subPackages: [SELFTEST_PACKAGE],
  // weapp: fetch the self-test subpackage while the 自测 tab is open, so the first test opens at once.
  preloadRule: {
    [ROUTES.tests]: { network: 'all', packages: [SELFTEST_PACKAGE.root] },
  },
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
