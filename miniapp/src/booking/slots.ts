/**
 * From the API's slot list to what the resident taps: filtered by service and counselor, merged across counselors
 * when they chose "any" (one 09:00 button, not three), grouped into 上午 / 下午 / 晚上. Pure.
 */
import { chinaHour, formatClock } from './china-time'
import type { CounselorView, Service, Slot } from './types'

export const ANY_COUNSELOR = 'any'

export const SERVICE_LABELS: Readonly<Record<Service, string>> = {
  individual: '个体咨询',
  family: '家庭咨询',
  group: '团体辅导',
}

export const SERVICE_HINTS: Readonly<Record<Service, string>> = {
  individual: '一对一，和咨询师单独聊一聊',
  family: '和家人一起来，时间稍长一些',
  group: '几个人一起，由咨询师带领',
}

const SERVICE_ORDER: readonly Service[] = ['individual', 'family', 'group']

export function serviceLabel(service: string): string {
  return SERVICE_LABELS[service as Service] ?? '心理咨询'
}

export function isService(value: unknown): value is Service {
  return typeof value === 'string' && (SERVICE_ORDER as readonly string[]).includes(value)
}

/** The station's services in a fixed order (individual first: it is what most people come for). */
export function orderedServices(services: readonly Service[]): Service[] {
  return SERVICE_ORDER.filter((s) => services.includes(s))
}

/** The service to preselect: the one asked for when offered, else the first offered. */
export function defaultService(services: readonly Service[], preferred?: string | null): Service | null {
  const offered = orderedServices(services)
  if (preferred && isService(preferred) && offered.includes(preferred)) return preferred
  return offered[0] ?? null
}

/** Counselors a resident can pick for a service (bookable and offering it), by name. */
export function counselorsFor(counselors: readonly CounselorView[], service: Service): CounselorView[] {
  return counselors
    .filter((c) => c.bookable && c.services.includes(service))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

export interface SlotChoice {
  /** Stable React key. */
  key: string
  start: string
  end: string
  service: Service
  /** What POST /bookings gets: a counselor id, or 'any' when several counselors share this time. */
  counselorId: string
  /** The counselor's name; '' when several could take it. */
  counselorName: string
  /** How many counselors are free at this time (merged "any" choices). */
  counselorCount: number
  title: string | null
  capacity: number
  remaining: number
  full: boolean
}

function toChoice(slot: Slot): SlotChoice {
  const remaining = Math.max(0, Math.floor(slot.remaining))
  return {
    key: `${slot.start}|${slot.counselorId}|${slot.service}`,
    start: slot.start,
    end: slot.end,
    service: slot.service,
    counselorId: slot.counselorId,
    counselorName: slot.counselorName,
    counselorCount: 1,
    title: slot.title ?? null,
    capacity: slot.capacity,
    remaining,
    full: remaining <= 0,
  }
}

/**
 * The buttons for one day. With a chosen counselor: that counselor's slots. With "any": individual and family
 * times are merged per start and end (the server picks a free counselor), group sessions stay one per counselor
 * (each has its own title and seats). Sorted by start.
 */
export function slotChoices(slots: readonly Slot[], service: Service, counselorId: string = ANY_COUNSELOR): SlotChoice[] {
  const mine = slots.filter((s) => s.service === service && (counselorId === ANY_COUNSELOR || s.counselorId === counselorId))
  const byStart = (a: SlotChoice, b: SlotChoice) => a.start.localeCompare(b.start) || a.counselorName.localeCompare(b.counselorName, 'zh-CN')
  if (counselorId !== ANY_COUNSELOR || service === 'group') return mine.map(toChoice).sort(byStart)

  const merged = new Map<string, { choice: SlotChoice; freeNames: Set<string>; names: Set<string> }>()
  for (const slot of mine) {
    const key = `${slot.start}|${slot.end}|${slot.service}`
    const one = toChoice(slot)
    const entry = merged.get(key)
    if (!entry) {
      merged.set(key, {
        choice: { ...one, key, counselorId: ANY_COUNSELOR },
        freeNames: new Set(one.full ? [] : [slot.counselorName]),
        names: new Set([slot.counselorName]),
      })
      continue
    }
    entry.choice.capacity += one.capacity
    entry.choice.remaining += one.remaining
    entry.choice.full = entry.choice.remaining <= 0
    entry.names.add(slot.counselorName)
    if (!one.full) entry.freeNames.add(slot.counselorName)
  }
  return [...merged.values()]
    .map(({ choice, freeNames, names }) => {
      const shown = freeNames.size > 0 ? freeNames : names
      return { ...choice, counselorCount: shown.size, counselorName: shown.size === 1 ? [...shown][0]! : '' }
    })
    .sort(byStart)
}

export type DayPeriod = 'morning' | 'afternoon' | 'evening'

export const PERIOD_LABELS: Readonly<Record<DayPeriod, string>> = { morning: '上午', afternoon: '下午', evening: '晚上' }

export function periodOf(start: string): DayPeriod {
  const hour = chinaHour(start)
  if (hour < 12) return 'morning'
  if (hour < 18) return 'afternoon'
  return 'evening'
}

export interface SlotGroup {
  period: DayPeriod
  label: string
  items: SlotChoice[]
}

/** 上午 / 下午 / 晚上 sections, empty ones left out, order kept. */
export function groupByPeriod(choices: readonly SlotChoice[]): SlotGroup[] {
  const periods: DayPeriod[] = ['morning', 'afternoon', 'evening']
  return periods
    .map((period) => ({ period, label: PERIOD_LABELS[period], items: choices.filter((c) => periodOf(c.start) === period) }))
    .filter((g) => g.items.length > 0)
}

/** Line under a slot's time: 已约满, seats left for groups, who takes it otherwise. */
export function seatsText(choice: SlotChoice): string {
  if (choice.full) return '已约满'
  if (choice.service === 'group') return `还剩 ${choice.remaining} 个名额（共 ${choice.capacity} 个）`
  if (choice.counselorName) return choice.counselorName
  return `${choice.counselorCount} 位咨询师可约`
}

/** '09:00–09:50'. */
export function slotTimeText(choice: Pick<SlotChoice, 'start' | 'end'>): string {
  return `${formatClock(choice.start)}–${formatClock(choice.end)}`
}

/** True when the day has slots but every one is full (waitlist is offered then). */
export function dayIsFull(choices: readonly SlotChoice[]): boolean {
  return choices.length > 0 && choices.every((c) => c.full)
}
