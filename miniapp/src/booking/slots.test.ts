import {
  ANY_COUNSELOR,
  counselorsFor,
  dayIsFull,
  defaultService,
  groupByPeriod,
  orderedServices,
  seatsText,
  serviceLabel,
  slotChoices,
  slotTimeText,
} from './slots'
import type { CounselorView, Slot } from './types'

const at = (hhmm: string) => `2026-05-06T${String(Number(hhmm.slice(0, 2)) - 8).padStart(2, '0')}:${hhmm.slice(3)}:00.000Z`

function slot(partial: Partial<Slot> & Pick<Slot, 'start'>): Slot {
  return {
    end: new Date(Date.parse(partial.start) + 50 * 60 * 1000).toISOString(),
    counselorId: 'c1',
    counselorName: '王老师',
    service: 'individual',
    capacity: 1,
    remaining: 1,
    ...partial,
  }
}

describe('slotChoices', () => {
  const slots: Slot[] = [
    slot({ start: at('09:00'), end: at('09:50'), counselorId: 'c1', counselorName: '王老师', remaining: 0 }),
    slot({ start: at('09:00'), end: at('09:50'), counselorId: 'c2', counselorName: '李老师', remaining: 1 }),
    slot({ start: at('14:00'), end: at('14:50'), counselorId: 'c1', counselorName: '王老师', remaining: 0 }),
    slot({ start: at('10:00'), end: at('11:20'), counselorId: 'c2', counselorName: '李老师', service: 'family' }),
    slot({ start: at('19:00'), end: at('20:30'), counselorId: 'c1', service: 'group', capacity: 8, remaining: 3, title: '睡眠小组' }),
    slot({ start: at('19:00'), end: at('20:30'), counselorId: 'c2', counselorName: '李老师', service: 'group', capacity: 6, remaining: 0, title: '亲子沟通' }),
  ]

  test('"any": one button per time across counselors, booked as "any", free if any counselor is free', () => {
    const choices = slotChoices(slots, 'individual', ANY_COUNSELOR)
    expect(choices.map((c) => slotTimeText(c))).toEqual(['09:00–09:50', '14:00–14:50'])
    expect(choices[0]).toMatchObject({ counselorId: 'any', remaining: 1, capacity: 2, full: false, counselorName: '李老师', counselorCount: 1 })
    expect(choices[1]).toMatchObject({ full: true, remaining: 0 })
    expect(seatsText(choices[1]!)).toBe('已约满')
  })

  test('"any" with several free counselors names none and counts them', () => {
    const two = [slot({ start: at('09:00'), counselorId: 'c1' }), slot({ start: at('09:00'), counselorId: 'c2', counselorName: '李老师' })]
    const [choice] = slotChoices(two, 'individual')
    expect(choice).toMatchObject({ counselorName: '', counselorCount: 2 })
    expect(seatsText(choice!)).toBe('2 位咨询师可约')
  })

  test('a chosen counselor: only their slots, booked with their id', () => {
    const choices = slotChoices(slots, 'individual', 'c2')
    expect(choices).toHaveLength(1)
    expect(choices[0]).toMatchObject({ counselorId: 'c2', counselorName: '李老师', full: false })
  })

  test('group sessions stay one per counselor, with remaining seats and title', () => {
    const choices = slotChoices(slots, 'group')
    expect(choices).toHaveLength(2)
    expect(choices.map((c) => c.counselorId).sort()).toEqual(['c1', 'c2'])
    expect(choices.every((c) => c.counselorId !== 'any')).toBe(true)
    const sleep = choices.find((c) => c.title === '睡眠小组')!
    expect(seatsText(sleep)).toBe('还剩 3 个名额（共 8 个）')
    expect(seatsText(choices.find((c) => c.title === '亲子沟通')!)).toBe('已约满')
  })

  test('filters by service', () => {
    expect(slotChoices(slots, 'family')).toHaveLength(1)
  })

  test('a negative or fractional remaining from the server is treated as full / whole', () => {
    const [choice] = slotChoices([slot({ start: at('09:00'), remaining: -2 })], 'individual', 'c1')
    expect(choice).toMatchObject({ remaining: 0, full: true })
  })
})

describe('groupByPeriod and dayIsFull', () => {
  test('上午 / 下午 / 晚上 by China hour, empty periods left out', () => {
    const choices = slotChoices(
      [slot({ start: at('09:00') }), slot({ start: at('11:59') }), slot({ start: at('12:00') }), slot({ start: at('18:30') })],
      'individual',
      'c1',
    )
    const groups = groupByPeriod(choices)
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([['上午', 2], ['下午', 1], ['晚上', 1]])
    expect(groupByPeriod(choices.slice(0, 2)).map((g) => g.period)).toEqual(['morning'])
  })

  test('a day is full only when it has slots and none is free', () => {
    expect(dayIsFull(slotChoices([slot({ start: at('09:00'), remaining: 0 })], 'individual'))).toBe(true)
    expect(dayIsFull(slotChoices([slot({ start: at('09:00'), remaining: 0 }), slot({ start: at('10:00') })], 'individual'))).toBe(false)
    expect(dayIsFull([])).toBe(false)
  })
})

describe('services and counselors', () => {
  test('services in a fixed order; default prefers the one asked for, else individual', () => {
    expect(orderedServices(['group', 'individual'])).toEqual(['individual', 'group'])
    expect(defaultService(['group', 'family'])).toBe('family')
    expect(defaultService(['individual', 'group'], 'group')).toBe('group')
    expect(defaultService(['individual'], 'group')).toBe('individual')
    expect(defaultService([], 'individual')).toBeNull()
    expect(serviceLabel('individual')).toBe('个体咨询')
    expect(serviceLabel('unknown')).toBe('心理咨询')
  })

  test('only bookable counselors offering the service can be picked', () => {
    const base = { stationId: 's', title: '', qualification: '', specialties: [], intro: '', photoUrl: null, verified: true, rating: { count: 0, average: null } }
    const list: CounselorView[] = [
      { ...base, id: 'a', name: '张老师', services: ['individual'], bookable: true },
      { ...base, id: 'b', name: '陈老师', services: ['individual'], bookable: false },
      { ...base, id: 'c', name: '李老师', services: ['group'], bookable: true },
    ]
    expect(counselorsFor(list, 'individual').map((c) => c.id)).toEqual(['a'])
    expect(counselorsFor(list, 'group').map((c) => c.id)).toEqual(['c'])
  })
})
