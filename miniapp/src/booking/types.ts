/**
 * Shapes of the booking API as the resident sees them (see the booking contract, issue 5). Only what the mini-program
 * reads is declared; the API may send more. Times are ISO instants (UTC); dates are China calendar dates YYYY-MM-DD.
 */

export type Service = 'individual' | 'family' | 'group'

export type BookingStatus =
  | 'pending'
  | 'confirmed'
  | 'checked_in'
  | 'completed'
  | 'no_show'
  | 'cancelled_by_resident'
  | 'cancelled_by_station'

export type StationLevel = 'district' | 'street' | 'community'

export interface Policy {
  minNoticeHours: number
  cancelWindowHours: number
  horizonDays: number
  maxUpcomingPerResident: number
}

export interface StationView {
  id: string
  name: string
  level: StationLevel
  parentId: string | null
  address: string
  phone: string
  openingHours: string
  intro: string
  location: { lat: number; lng: number } | null
  services: Service[]
  policies: Policy
  /** Only when the list was asked with lat & lng. */
  distanceKm?: number
}

export interface StationTreeNode extends StationView {
  children: StationTreeNode[]
}

export interface CounselorView {
  id: string
  stationId: string
  name: string
  title: string
  qualification: string
  specialties: string[]
  intro: string
  photoUrl: string | null
  verified: boolean
  services: Service[]
  bookable: boolean
  rating: { count: number; average: number | null }
}

export type StationDetail = StationView & { counselors: CounselorView[] }

export interface Slot {
  start: string
  end: string
  counselorId: string
  counselorName: string
  service: Service
  capacity: number
  /** 0 = full: still listed, shown as 已约满. */
  remaining: number
  /** Group sessions only. */
  title?: string
}

export interface SlotList {
  stationId: string
  date: string
  items: Slot[]
}

export interface Overflow {
  stationId: string
  name: string
  level: StationLevel
  firstFreeDate: string | null
}

export interface Availability {
  stationId: string
  days: Array<{ date: string; free: number }>
  overflow: Overflow | null
}

export interface Contact {
  name: string
  phone: string
}

export interface ForOther {
  relationship: string
  name: string
  phone: string
}

export interface BookingView {
  id: string
  status: BookingStatus
  version: number
  stationId: string
  stationName: string
  stationAddress: string
  stationPhone: string
  counselorId: string
  counselorName: string
  service: Service
  start: string
  end: string
  seat: number | null
  topic: string | null
  contact: Contact
  forOther: ForOther | null
  cancelReason: string | null
  createdAt: string
  updatedAt: string
  canCancel: boolean
  canReschedule: boolean
  canRate: boolean
  rating: { score: number; comment: string } | null
}

/** Body of POST /bookings. */
export interface BookingRequest {
  stationId: string
  counselorId: string
  service: Service
  start: string
  name: string
  phone: string
  consent: true
  policyVersion?: string
  topic?: string
  forOther?: ForOther & { agreed: true }
}

export interface WaitlistEntry {
  id: string
  stationId: string
  stationName: string
  date: string
  service: Service | null
  counselorId: string | null
  status: 'waiting' | 'notified'
  createdAt: string
}

export type MessageKind =
  | 'booking_submitted'
  | 'booking_confirmed'
  | 'booking_rescheduled'
  | 'booking_cancelled'
  | 'booking_reminder'
  | 'waitlist_seat_free'
  | 'activity_registered'
  | 'activity_cancelled'

export interface MessageView {
  id: string
  kind: MessageKind
  title: string
  body: string
  read: boolean
  createdAt: string
  bookingId: string | null
  activityId: string | null
  stationId: string | null
}

export interface MessagePage {
  items: MessageView[]
  total: number
  page: number
  pageSize: number
  unread: number
}

export type ActivityKind = 'group_counseling' | 'lecture' | 'checkup' | 'other'

export interface ActivityView {
  id: string
  stationId: string
  stationName: string
  kind: ActivityKind
  title: string
  description: string
  place: string
  start: string
  end: string
  seats: number
  remaining: number
  status: 'published' | 'cancelled'
  registered?: boolean
}

export interface ActivityPage {
  items: ActivityView[]
  total: number
  page: number
  pageSize: number
}

export interface RegistrationView {
  id: string
  activityId: string
  activity: ActivityView
  seat: number
  status: 'registered' | 'cancelled'
  createdAt: string
}

/** Subscribe-message template ids; null when the server has none configured. */
export interface SubscribeTemplates {
  confirmed: string | null
  changed: string | null
  cancelled: string | null
  reminder: string | null
  waitlist: string | null
}

export interface RatingResult {
  bookingId: string
  score: number
  comment: string
  createdAt: string
}
