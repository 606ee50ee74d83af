import { MAIN_PAGES, ROUTES, SELFTEST_PACKAGE, TABS, isTabRoute, routeUrl } from './routes'

describe('routes', () => {
  test('routeUrl encodes the query', () => {
    expect(routeUrl('selftestResult', { key: 'abc', code: 'phq9' })).toBe('/packages/selftest/pages/result/index?key=abc&code=phq9')
    expect(routeUrl('selftestIntro', { code: 'a b&c' })).toBe('/packages/selftest/pages/intro/index?code=a%20b%26c')
    expect(routeUrl('tests')).toBe('/pages/tests/index')
  })

  test('the self-test pages are in the subpackage, not the main package; the hotline stays in the main package', () => {
    const subpackagePages = SELFTEST_PACKAGE.pages.map((page) => `${SELFTEST_PACKAGE.root}/${page}`)
    expect(subpackagePages).toEqual([ROUTES.selftestIntro, ROUTES.selftestQuestion, ROUTES.selftestResult, ROUTES.selftestRecords, ROUTES.selftestReferral, ROUTES.selftestReferrals])
    for (const page of subpackagePages) expect(MAIN_PAGES).not.toContain(page)
    expect(MAIN_PAGES).toContain(ROUTES.hotline)
    expect(TABS.map((t) => t.route)).toContain('tests')
    expect(isTabRoute('selftestIntro')).toBe(false)
  })
})
