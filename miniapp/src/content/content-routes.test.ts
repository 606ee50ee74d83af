import { CONTENT_PACKAGE, MAIN_PAGES, ROUTES, routeUrl, SELFTEST_PACKAGE } from '../routes'

describe('content routes', () => {
  test('article, player, breathing, video and favorites are in the content subpackage; the tabs stay in the main package', () => {
    const pages = CONTENT_PACKAGE.pages.map((page) => `${CONTENT_PACKAGE.root}/${page}`)
    expect(pages).toEqual([ROUTES.article, ROUTES.player, ROUTES.breathing, ROUTES.video, ROUTES.favorites])
    for (const page of pages) expect(MAIN_PAGES).not.toContain(page)
    expect(MAIN_PAGES).toEqual(expect.arrayContaining([ROUTES.articles, ROUTES.relax]))
    expect(CONTENT_PACKAGE.root).not.toBe(SELFTEST_PACKAGE.root)
  })

  test('urls carry the slug / id', () => {
    expect(routeUrl('article', { slug: 'sleep-basics' })).toBe('/packages/content/pages/article/index?slug=sleep-basics')
    expect(routeUrl('player', { id: 'abc', autoplay: '1' })).toBe('/packages/content/pages/player/index?id=abc&autoplay=1')
  })
})
