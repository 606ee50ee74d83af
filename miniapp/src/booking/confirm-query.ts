/**
 * The chosen time travels from the slot list to the confirm page in the page query (nothing is fetched again
 * there): what it shows and what it sends. Reading it back checks every field, since a query can be edited. Pure.
 */
import { isService } from './slots'
import type { Service } from './types'

export interface ChosenTime {
  stationId: string
  stationName: string
  service: Service
  /** A counselor id or 'any'. */
  counselorId: string
  /** '' when the station picks the counselor. */
  counselorName: string
  start: string
  end: string
  title: string
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/
const ID = /^[A-Za-z0-9_-]{1,64}$/

export function confirmQuery(
  station: { id: string; name: string },
  choice: { service: Service; counselorId: string; counselorName: string; start: string; end: string; title: string | null },
): Record<string, string> {
  const query: Record<string, string> = {
    stationId: station.id,
    stationName: station.name,
    service: choice.service,
    counselorId: choice.counselorId,
    counselorName: choice.counselorName,
    start: choice.start,
    end: choice.end,
  }
  if (choice.title) query.title = choice.title
  return query
}

/** A page query value, decoded: Taro H5 (and WeChat) hand it over still percent-encoded. '' when absent. */
export function readParam(params: Readonly<Record<string, string | undefined>>, key: string): string {
  const raw = params[key]
  if (typeof raw !== 'string') return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The chosen time from the confirm page's params, or null when anything needed is missing or malformed. */
export function readConfirmQuery(params: Readonly<Record<string, string | undefined>>): ChosenTime | null {
  const get = (key: string) => readParam(params, key)
  const stationId = get('stationId')
  const service = get('service')
  const counselorId = get('counselorId')
  const start = get('start')
  const end = get('end')
  if (!ID.test(stationId) || !ID.test(counselorId) || !isService(service)) return null
  if (!ISO_INSTANT.test(start) || Number.isNaN(Date.parse(start))) return null
  const validEnd = ISO_INSTANT.test(end) && Date.parse(end) > Date.parse(start) ? end : ''
  return {
    stationId,
    stationName: get('stationName').slice(0, 80),
    service,
    counselorId,
    counselorName: get('counselorName').slice(0, 40),
    start,
    end: validEnd,
    title: get('title').slice(0, 60),
  }
}
