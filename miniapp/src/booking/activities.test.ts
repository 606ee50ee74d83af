import { activityKindLabel, activitySeatsText, activityState } from './activities'

const now = new Date('2026-05-06T02:00:00.000Z')
const base = { status: 'published' as const, start: '2026-05-10T06:00:00.000Z', remaining: 4, seats: 30 }

describe('activities', () => {
  test('open, full, closed (started or cancelled), registered', () => {
    expect(activityState(base, now)).toBe('open')
    expect(activitySeatsText(base, now)).toBe('还剩 4 个名额（共 30 个）')
    expect(activityState({ ...base, remaining: 0 }, now)).toBe('full')
    expect(activitySeatsText({ ...base, remaining: 0 }, now)).toBe('名额已满')
    expect(activityState({ ...base, start: '2026-05-06T01:00:00.000Z' }, now)).toBe('closed')
    expect(activitySeatsText({ ...base, status: 'cancelled' }, now)).toBe('活动已取消')
    expect(activityState({ ...base, remaining: 0, registered: true }, now)).toBe('registered')
  })

  test('kind labels', () => {
    expect(activityKindLabel('lecture')).toBe('讲座')
    expect(activityKindLabel('nope')).toBe('活动')
  })
})
