/**
 * The two-week retest reminder. WeChat lets a mini-program send one subscribe message per acceptance, and only in
 * WeChat itself (not in the H5 build), so the offer appears only where it can work. Pure: inputs are passed in.
 */

export interface ReminderOfferContext {
  platform: 'weapp' | 'h5'
  templateId: string
  signedIn: boolean
}

export function canOfferReminder({ platform, templateId, signedIn }: ReminderOfferContext): boolean {
  return platform === 'weapp' && templateId.length > 0 && signedIn
}

export type SubscribeOutcome = 'accepted' | 'declined' | 'blocked'

/**
 * Reads wx.requestSubscribeMessage's answer ({ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }).
 * Only 'accept' grants the one message; 'ban' and 'filter' mean the resident (or WeChat) turned these off.
 */
export function subscribeOutcome(answer: Record<string, unknown>, templateId: string): SubscribeOutcome {
  const value = answer[templateId]
  if (value === 'accept') return 'accepted'
  if (value === 'ban' || value === 'filter') return 'blocked'
  return 'declined'
}

export const REMINDER_MESSAGES: Record<SubscribeOutcome | 'failed', string> = {
  accepted: '好的，两周后会在微信里提醒你。提醒只写"自测提醒"，不会显示量表名称和分数。',
  declined: '没关系，不提醒也可以，想做的时候随时回来。',
  blocked: '微信里关闭了这类提醒。如需提醒，可在小程序设置中重新打开。',
  failed: '提醒暂时没有设置成功，请稍后再试。',
}
