import { bookingRequest, EMPTY_FORM, firstErrorField, hasErrors, isValidPhone, validateBookingForm, validateRegistration, type BookingFormValues } from './form'

const valid: BookingFormValues = { ...EMPTY_FORM, name: '张三', phone: '13800138000', consent: true }
const slot = { stationId: '65f0a1b2c3d4e5f6a7b8c9d0', counselorId: 'any', service: 'individual' as const, start: '2026-05-06T01:00:00.000Z' }

describe('phone numbers (the API rule: mobile 1[3-9]+9 digits, or landline with area code)', () => {
  test.each(['13800138000', '19912345678', '0755-12345678', '075512345678', '010-1234567', '138 0013 8000'])('accepts %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })
  test.each(['12800138000', '1380013800', '138001380001', '12345', '755-12345678', '0755-123456', '+8613800138000', '', 'abc'])('refuses %s', (phone) => {
    expect(isValidPhone(phone)).toBe(false)
  })
})

describe('validateBookingForm', () => {
  test('a complete form has no errors', () => {
    expect(validateBookingForm(valid)).toEqual({})
  })

  test('an empty form asks for name, phone and consent, in Chinese', () => {
    const errors = validateBookingForm(EMPTY_FORM)
    expect(Object.keys(errors).sort()).toEqual(['consent', 'name', 'phone'])
    expect(errors.phone).toContain('手机号')
    expect(errors.consent).toContain('勾选同意')
    expect(firstErrorField(errors)).toBe('name')
  })

  test('limits: name ≤ 20 characters, topic ≤ 200 (an emoji counts as one)', () => {
    expect(validateBookingForm({ ...valid, name: '张'.repeat(20) }).name).toBeUndefined()
    expect(validateBookingForm({ ...valid, name: '张'.repeat(21) }).name).toContain('20')
    expect(validateBookingForm({ ...valid, topic: '😀'.repeat(200) }).topic).toBeUndefined()
    expect(validateBookingForm({ ...valid, topic: '字'.repeat(201) }).topic).toContain('200')
    expect(validateBookingForm({ ...valid, name: '   ' }).name).toBeDefined()
  })

  test('代约 needs relationship, the other person’s name and phone, and their agreement', () => {
    const errors = validateBookingForm({ ...valid, forOther: true })
    expect(Object.keys(errors).sort()).toEqual(['otherAgreed', 'otherName', 'otherPhone', 'relationship'])
    expect(errors.otherAgreed).toContain('征得对方同意')
    const ok = validateBookingForm({ ...valid, forOther: true, relationship: '母亲', otherName: '李四', otherPhone: '13900139000', otherAgreed: true })
    expect(hasErrors(ok)).toBe(false)
    expect(validateBookingForm({ ...valid, forOther: true, relationship: '一二三四五六七八九十十', otherName: '李四', otherPhone: '13900139000', otherAgreed: true }).relationship).toContain('10')
  })

  test('代约 fields are ignored when 代约 is off', () => {
    expect(validateBookingForm({ ...valid, relationship: 'x'.repeat(50), otherPhone: 'bad' })).toEqual({})
  })
})

describe('bookingRequest', () => {
  test('trims, normalises the phone, sends consent and the policy version, leaves an empty topic out', () => {
    const body = bookingRequest(slot, { ...valid, name: ' 张三 ', phone: '138 0013 8000', topic: '   ' })
    expect(body).toEqual({
      stationId: slot.stationId,
      counselorId: 'any',
      service: 'individual',
      start: slot.start,
      name: '张三',
      phone: '13800138000',
      consent: true,
      policyVersion: '2026-11-23',
    })
    expect('topic' in body).toBe(false)
    expect('forOther' in body).toBe(false)
  })

  test('with 代约 and a topic', () => {
    const body = bookingRequest(slot, {
      ...valid,
      topic: ' 最近睡不好 ',
      forOther: true,
      relationship: '母亲',
      otherName: '李四',
      otherPhone: '0755-12345678',
      otherAgreed: true,
    })
    expect(body.topic).toBe('最近睡不好')
    expect(body.forOther).toEqual({ relationship: '母亲', name: '李四', phone: '0755-12345678', agreed: true })
  })
})

describe('validateRegistration', () => {
  test('needs name, a valid phone and consent', () => {
    expect(Object.keys(validateRegistration({ name: '', phone: '1', consent: false })).sort()).toEqual(['consent', 'name', 'phone'])
    expect(validateRegistration({ name: '王五', phone: '13800138000', consent: true })).toEqual({})
  })
})
