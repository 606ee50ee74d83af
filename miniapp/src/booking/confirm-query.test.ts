import { confirmQuery, readConfirmQuery, readParam } from './confirm-query'
import { routeUrl } from '../routes'

const station = { id: '65f0a1b2c3d4e5f6a7b8c9d0', name: '新安街道驿站' }
const choice = { service: 'group' as const, counselorId: 'any', counselorName: '', start: '2026-05-06T01:00:00.000Z', end: '2026-05-06T02:30:00.000Z', title: '睡眠小组' }

describe('confirm page query', () => {
  test('round-trips through the page URL', () => {
    const query = confirmQuery(station, choice)
    const url = routeUrl('bookingConfirm', query)
    const params = Object.fromEntries(url.split('?')[1]!.split('&').map((kv) => kv.split('=') as [string, string]))
    expect(readConfirmQuery(params)).toEqual({ stationId: station.id, stationName: station.name, ...choice })
  })

  test('refuses a missing or malformed station, counselor, service or start', () => {
    const good = confirmQuery(station, choice)
    expect(readConfirmQuery({ ...good, stationId: '' })).toBeNull()
    expect(readConfirmQuery({ ...good, counselorId: '{"$gt":""}' })).toBeNull()
    expect(readConfirmQuery({ ...good, service: 'massage' })).toBeNull()
    expect(readConfirmQuery({ ...good, start: 'tomorrow' })).toBeNull()
    expect(readConfirmQuery({})).toBeNull()
  })

  test('an end before the start is dropped, not trusted', () => {
    const read = readConfirmQuery({ ...confirmQuery(station, choice), end: '2026-05-05T01:00:00.000Z' })
    expect(read?.end).toBe('')
  })
})

describe('readParam', () => {
  test('decodes a still-encoded value once; leaves a decoded or malformed one as it is', () => {
    expect(readParam({ start: '2026-05-06T01%3A00%3A00.000Z' }, 'start')).toBe('2026-05-06T01:00:00.000Z')
    expect(readParam({ start: '2026-05-06T01:00:00.000Z' }, 'start')).toBe('2026-05-06T01:00:00.000Z')
    expect(readParam({ name: '100%' }, 'name')).toBe('100%')
    expect(readParam({}, 'start')).toBe('')
  })
})
