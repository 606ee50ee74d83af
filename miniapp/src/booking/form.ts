/**
 * The booking form: checks in Chinese before anything is sent (the same rules as the API, so the server's 400 is
 * only a backstop), and the request body built from it. Pure.
 */
import { POLICY_VERSION } from '../me/types'
import type { BookingRequest, Service } from './types'

/** Mainland mobile (1[3-9] + 9 digits) or a landline with area code, as the API checks it. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/
export const LANDLINE_PATTERN = /^0\d{2,3}-?\d{7,8}$/

export const NAME_MAX = 20
export const TOPIC_MAX = 200
export const RELATIONSHIP_MAX = 10

/** The privacy policy version the consent on this form refers to (the API refuses an outdated one). */
export const BOOKING_POLICY_VERSION = POLICY_VERSION

export interface BookingFormValues {
  name: string
  phone: string
  topic: string
  /** 代约: booking for a family member. */
  forOther: boolean
  relationship: string
  otherName: string
  otherPhone: string
  otherAgreed: boolean
  consent: boolean
}

export const EMPTY_FORM: BookingFormValues = {
  name: '',
  phone: '',
  topic: '',
  forOther: false,
  relationship: '',
  otherName: '',
  otherPhone: '',
  otherAgreed: false,
  consent: false,
}

export type BookingFormField = 'name' | 'phone' | 'topic' | 'relationship' | 'otherName' | 'otherPhone' | 'otherAgreed' | 'consent'

export type BookingFormErrors = Partial<Record<BookingFormField, string>>

/** Spaces people type inside a number ("138 0013 8000") are dropped; the dash of a landline is kept. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '')
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw)
  return MOBILE_PATTERN.test(phone) || LANDLINE_PATTERN.test(phone)
}

/** Characters as a person counts them (an emoji is one), the way the API's length limits count. */
export function charLength(value: string): number {
  return Array.from(value).length
}

function phoneError(raw: string, whose: 'self' | 'other'): string | undefined {
  if (!normalizePhone(raw)) return whose === 'self' ? '请填写手机号或固定电话，驿站会用它联系你' : '请填写对方的手机号或固定电话'
  if (!isValidPhone(raw)) return '请填写正确的手机号（11 位）或带区号的固定电话（如 0755-12345678）'
  return undefined
}

function nameError(raw: string, whose: 'self' | 'other'): string | undefined {
  const name = raw.trim()
  if (!name) return whose === 'self' ? '请填写你的姓名，方便驿站确认预约' : '请填写对方的姓名'
  if (charLength(name) > NAME_MAX) return `姓名最多 ${NAME_MAX} 个字`
  return undefined
}

/** Every problem with the form, by field; an empty object means it can be sent. */
export function validateBookingForm(values: BookingFormValues): BookingFormErrors {
  const errors: BookingFormErrors = {}
  const put = (field: BookingFormField, message: string | undefined) => {
    if (message) errors[field] = message
  }
  put('name', nameError(values.name, 'self'))
  put('phone', phoneError(values.phone, 'self'))
  if (charLength(values.topic.trim()) > TOPIC_MAX) errors.topic = `想聊的话题最多 ${TOPIC_MAX} 个字，简单写几句就好`
  if (values.forOther) {
    const relationship = values.relationship.trim()
    if (!relationship) errors.relationship = '请填写你和对方的关系，如：母亲'
    else if (charLength(relationship) > RELATIONSHIP_MAX) errors.relationship = `关系最多 ${RELATIONSHIP_MAX} 个字`
    put('otherName', nameError(values.otherName, 'other'))
    put('otherPhone', phoneError(values.otherPhone, 'other'))
    if (!values.otherAgreed) errors.otherAgreed = '替家人预约前，请先征得对方同意并勾选'
  }
  if (!values.consent) errors.consent = '需要你勾选同意，驿站才能为你安排咨询'
  return errors
}

export function hasErrors(errors: BookingFormErrors): boolean {
  return Object.keys(errors).length > 0
}

/** The field to scroll to first, in the order the form shows them. */
export function firstErrorField(errors: BookingFormErrors): BookingFormField | null {
  const order: BookingFormField[] = ['name', 'phone', 'topic', 'relationship', 'otherName', 'otherPhone', 'otherAgreed', 'consent']
  return order.find((field) => errors[field]) ?? null
}

export interface ChosenSlot {
  stationId: string
  counselorId: string
  service: Service
  start: string
}

/** Body of POST /bookings from a valid form; an empty topic is left out, never sent as ''. */
export function bookingRequest(slot: ChosenSlot, values: BookingFormValues): BookingRequest {
  const body: BookingRequest = {
    stationId: slot.stationId,
    counselorId: slot.counselorId,
    service: slot.service,
    start: slot.start,
    name: values.name.trim(),
    phone: normalizePhone(values.phone),
    consent: true,
    policyVersion: BOOKING_POLICY_VERSION,
  }
  const topic = values.topic.trim()
  if (topic) body.topic = topic
  if (values.forOther) {
    body.forOther = {
      relationship: values.relationship.trim(),
      name: values.otherName.trim(),
      phone: normalizePhone(values.otherPhone),
      agreed: true,
    }
  }
  return body
}

/** Activity registration: only name, phone and consent. */
export function validateRegistration(values: { name: string; phone: string; consent: boolean }): BookingFormErrors {
  const errors: BookingFormErrors = {}
  const name = nameError(values.name, 'self')
  if (name) errors.name = name
  const phone = phoneError(values.phone, 'self')
  if (phone) errors.phone = phone
  if (!values.consent) errors.consent = '需要你勾选同意，驿站才能为你登记'
  return errors
}
