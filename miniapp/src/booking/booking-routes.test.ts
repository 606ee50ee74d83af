import { BOOKING_PACKAGE, MAIN_PAGES, ROUTES, routeUrl } from '../routes'

describe('booking routes', () => {
  test('the detail page has the path WeChat subscribe messages open', () => {
    expect(routeUrl('bookingDetail', { id: 'bk_0123456789abcdef01234567' })).toBe('/packages/booking/pages/detail/index?id=bk_0123456789abcdef01234567')
  })

  test('the station page has the path waitlist messages open', () => {
    expect(ROUTES.bookingStation).toBe('packages/booking/pages/station/index')
  })

  test('every booking page is in the booking subpackage, none in the main package', () => {
    const pages = BOOKING_PACKAGE.pages.map((page) => `${BOOKING_PACKAGE.root}/${page}`)
    expect(pages).toEqual(
      (Object.keys(ROUTES) as Array<keyof typeof ROUTES>).filter((name) => name.startsWith('booking') && name !== 'booking').map((name) => ROUTES[name]),
    )
    for (const page of pages) expect(MAIN_PAGES).not.toContain(page)
  })
})
