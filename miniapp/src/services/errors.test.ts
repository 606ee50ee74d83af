import { ApiError, ERROR_MESSAGES, FALLBACK_MESSAGE, messageForCode, networkError, toApiError, userMessage } from './errors'

describe('messageForCode', () => {
  test.each([
    ['WECHAT_CODE_INVALID', '微信登录凭证已失效，请重新进入小程序'],
    ['WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试'],
    ['WECHAT_USER_BLOCKED', '这个账号暂时无法使用，如有疑问请联系驿站工作人员'],
    ['UNAUTHENTICATED', '登录已失效，请重新登录'],
    ['RATE_LIMITED', '操作有点频繁，请稍等片刻再试'],
  ])('maps the known code %s to its Chinese message', (code, message) => {
    expect(messageForCode(code, 'English server text')).toBe(message)
  })

  test('every API contract code has a Chinese message', () => {
    const contractCodes = ['WECHAT_CODE_INVALID', 'WECHAT_UNAVAILABLE', 'WECHAT_USER_BLOCKED', 'UNAUTHENTICATED',
      'VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL', 'SCALE_NOT_FOUND']
    for (const code of contractCodes) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  test('for an unknown code, falls back to the server message', () => {
    expect(messageForCode('BOOKING_SLOT_TAKEN', '这个时段已经被预约了')).toBe('这个时段已经被预约了')
  })

  test('for an unknown code without a server message, uses the network fallback', () => {
    expect(messageForCode('SOMETHING_NEW')).toBe(FALLBACK_MESSAGE)
    expect(messageForCode('SOMETHING_NEW', '   ')).toBe(FALLBACK_MESSAGE)
    expect(FALLBACK_MESSAGE).toBe('网络不太稳定，请稍后再试')
  })
})

describe('toApiError', () => {
  test('reads status and code from the error envelope and maps the message to Chinese', () => {
    const error = toApiError(401, { error: { code: 'WECHAT_CODE_INVALID', message: 'code invalid' } })
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(Error)
    expect(error.status).toBe(401)
    expect(error.code).toBe('WECHAT_CODE_INVALID')
    expect(error.message).toBe('微信登录凭证已失效，请重新进入小程序')
  })

  test('parses an envelope that arrives as a JSON string', () => {
    const error = toApiError(429, JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'slow down' } }))
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.message).toBe('操作有点频繁，请稍等片刻再试')
  })

  test('keeps the server message of an unknown code in the envelope', () => {
    const error = toApiError(409, { error: { code: 'BOOKING_SLOT_TAKEN', message: '这个时段已经被预约了', details: {} } })
    expect(error.code).toBe('BOOKING_SLOT_TAKEN')
    expect(error.message).toBe('这个时段已经被预约了')
  })

  test('when a proxy answers 502 with HTML, reports INTERNAL in Chinese', () => {
    const error = toApiError(502, '<html><body>Bad Gateway</body></html>')
    expect(error.status).toBe(502)
    expect(error.code).toBe('INTERNAL')
    expect(error.message).toBe('服务器开了个小差，请稍后再试')
  })

  test('a 4xx without an envelope gets a code from its status', () => {
    expect(toApiError(401, null).code).toBe('UNAUTHENTICATED')
    expect(toApiError(404, '').code).toBe('NOT_FOUND')
    expect(toApiError(418, { error: 'nope' }).code).toBe('UNKNOWN')
    expect(toApiError(418, { error: 'nope' }).message).toBe(FALLBACK_MESSAGE)
  })
})

describe('networkError and userMessage', () => {
  test('a request without a response is status 0, code NETWORK', () => {
    const error = networkError()
    expect(error.status).toBe(0)
    expect(error.code).toBe('NETWORK')
    expect(error.message).toBe(FALLBACK_MESSAGE)
  })

  test('userMessage shows an ApiError message but never a raw non-API error', () => {
    expect(userMessage(toApiError(503, { error: { code: 'WECHAT_UNAVAILABLE', message: 'x' } }))).toBe('微信服务暂时不可用，请稍后再试')
    expect(userMessage(new TypeError('Cannot read properties of undefined'))).toBe(FALLBACK_MESSAGE)
  })
})
