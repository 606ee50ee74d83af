import { bookingTemplateIds, subscribeOutcome, waitlistTemplateIds } from './subscribe'

describe('subscribe templates', () => {
  const all = { confirmed: 'T_CONF', changed: 'T_CHG', cancelled: 'T_CAN', reminder: 'T_REM', waitlist: 'T_WAIT' }

  test('a booking asks for at most 3 (WeChat limit): confirmation, reminder, change first', () => {
    expect(bookingTemplateIds(all)).toEqual(['T_CONF', 'T_REM', 'T_CHG'])
  })

  test('null (not configured) ids are left out; nothing configured → nothing to ask', () => {
    expect(bookingTemplateIds({ ...all, confirmed: null, reminder: null })).toEqual(['T_CHG', 'T_CAN'])
    expect(bookingTemplateIds({ confirmed: null, changed: null, cancelled: null, reminder: null, waitlist: null })).toEqual([])
    expect(bookingTemplateIds(null)).toEqual([])
    expect(waitlistTemplateIds(all)).toEqual(['T_WAIT'])
  })

  test('one id used by two events is asked once', () => {
    expect(bookingTemplateIds({ ...all, changed: 'T_CONF', cancelled: 'T_CONF' })).toEqual(['T_CONF', 'T_REM'])
  })

  test('outcome from the WeChat answer', () => {
    const ids = ['A', 'B']
    expect(subscribeOutcome({ A: 'accept', B: 'accept', errMsg: 'requestSubscribeMessage:ok' }, ids)).toBe('all')
    expect(subscribeOutcome({ A: 'accept', B: 'reject' }, ids)).toBe('some')
    expect(subscribeOutcome({ A: 'ban', B: 'filter' }, ids)).toBe('none')
  })
})
