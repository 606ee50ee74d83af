import { ApiError } from '../services/errors'

const request = jest.fn()
jest.mock('../services/api', () => ({ request: (...args: unknown[]) => request(...args) }))

// Imported after the mock so the booking API talks to it.
import * as api from './api'

beforeEach(() => request.mockReset())

describe('booking API calls', () => {
  test('POST /bookings sends the body and the Idempotency-Key header with the resident token', async () => {
    request.mockResolvedValue({ id: 'bk_1', status: 'pending' })
    const body = { stationId: 's', counselorId: 'any', service: 'individual' as const, start: 't', name: '张三', phone: '13800138000', consent: true as const }
    await expect(api.createBooking(body, 'KEY12345')).resolves.toMatchObject({ id: 'bk_1' })
    expect(request).toHaveBeenCalledWith('/bookings', { method: 'POST', data: body, header: { 'Idempotency-Key': 'KEY12345' } })
  })

  test('public reads go without the token; query values are encoded', async () => {
    request.mockResolvedValue({ stationId: 's', date: '2026-05-06', items: [] })
    await api.getSlots('s/1', '2026-05-06', 'individual', 'any')
    expect(request).toHaveBeenLastCalledWith('/stations/s%2F1/slots?date=2026-05-06&service=individual', { auth: false })

    request.mockResolvedValue({ items: [], total: 0 })
    await api.listStations({ lat: 22.55, lng: 113.88 })
    expect(request).toHaveBeenLastCalledWith('/stations?lat=22.55&lng=113.88', { auth: false })
    await api.listStations(null)
    expect(request).toHaveBeenLastCalledWith('/stations', { auth: false })
  })

  test('availability keeps overflow null when absent', async () => {
    request.mockResolvedValue({ stationId: 's', days: [{ date: '2026-05-06', free: 0 }] })
    await expect(api.getAvailability('s', { service: 'group' })).resolves.toEqual({ stationId: 's', days: [{ date: '2026-05-06', free: 0 }], overflow: null })
    expect(request).toHaveBeenLastCalledWith('/stations/s/availability?service=group', { auth: false })
  })

  test('a 200 without the expected list is reported as a server fault', async () => {
    request.mockResolvedValue({ nope: true })
    await expect(api.listMyBookings()).rejects.toBeInstanceOf(ApiError)
    request.mockResolvedValue('<html>')
    await expect(api.getMyBooking('bk_1')).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  test('waitlist leaves out counselor "any"; cancel sends {} without a reason', async () => {
    request.mockResolvedValue({ id: 'wl_1' })
    await api.joinWaitlist({ stationId: 's', date: '2026-05-06', service: 'individual', counselorId: 'any' })
    expect(request).toHaveBeenLastCalledWith('/me/waitlist', { method: 'POST', data: { stationId: 's', date: '2026-05-06', service: 'individual' } })
    await api.cancelMyBooking('bk_1', '  ')
    expect(request).toHaveBeenLastCalledWith('/me/bookings/bk_1/cancel', { method: 'POST', data: {} })
    await api.rescheduleMyBooking('bk_1', 't2', 'any')
    expect(request).toHaveBeenLastCalledWith('/me/bookings/bk_1/reschedule', { method: 'POST', data: { start: 't2', counselorId: 'any' } })
  })

  test('unread count asks for one unread message and reads `unread`', async () => {
    request.mockResolvedValue({ items: [], total: 3, page: 1, pageSize: 1, unread: 3 })
    await expect(api.unreadMessageCount()).resolves.toBe(3)
    expect(request).toHaveBeenLastCalledWith('/me/messages?page=1&pageSize=1&unread=true')
  })

  test('activity registration sends consent and the Idempotency-Key', async () => {
    request.mockResolvedValue({ id: 'ar_1' })
    await api.registerForActivity('a1', { name: '王五', phone: '13800138000' }, 'KEY87654')
    expect(request).toHaveBeenLastCalledWith('/activities/a1/registrations', {
      method: 'POST',
      data: { name: '王五', phone: '13800138000', consent: true },
      header: { 'Idempotency-Key': 'KEY87654' },
    })
  })
})
