import { canOfferReminder, REMINDER_MESSAGES, subscribeOutcome } from './reminder'

describe('retest reminder', () => {
  test.each([
    [{ platform: 'weapp', templateId: 'T1', signedIn: true }, true],
    [{ platform: 'h5', templateId: 'T1', signedIn: true }, false],
    [{ platform: 'weapp', templateId: '', signedIn: true }, false],
    [{ platform: 'weapp', templateId: 'T1', signedIn: false }, false],
  ] as const)('offer in %o → %s', (ctx, expected) => {
    expect(canOfferReminder(ctx)).toBe(expected)
  })

  test.each([
    [{ T1: 'accept', errMsg: 'requestSubscribeMessage:ok' }, 'accepted'],
    [{ T1: 'reject' }, 'declined'],
    [{ T1: 'ban' }, 'blocked'],
    [{ T1: 'filter' }, 'blocked'],
    [{ OTHER: 'accept' }, 'declined'],
    [{}, 'declined'],
  ])('WeChat answer %o → %s', (answer, expected) => {
    expect(subscribeOutcome(answer, 'T1')).toBe(expected)
  })

  test('the promise to the resident says the reminder reveals no scale or score', () => {
    expect(REMINDER_MESSAGES.accepted).toContain('不会显示量表名称和分数')
  })
})
