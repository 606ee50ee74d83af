/**
 * WeChat subscribe messages ("添加提醒"): which template ids to ask for, and what to tell the resident afterwards.
 * WeChat allows at most 3 one-time templates per request, so a new booking asks for the three that matter most.
 * Nothing is reported back: the server just tries to send, and WeChat refuses (43101) when not accepted. Pure.
 */
import type { SubscribeTemplates } from './types'

export const MAX_TEMPLATES_PER_REQUEST = 3

function pick(templates: SubscribeTemplates | null, keys: ReadonlyArray<keyof SubscribeTemplates>): string[] {
  if (!templates) return []
  const ids: string[] = []
  for (const key of keys) {
    const id = templates[key]
    if (typeof id === 'string' && id.trim() && !ids.includes(id)) ids.push(id)
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST)
}

/** After booking: confirmation, the day-before reminder, then a change, then a cancellation. */
export function bookingTemplateIds(templates: SubscribeTemplates | null): string[] {
  return pick(templates, ['confirmed', 'reminder', 'changed', 'cancelled'])
}

/** After joining a waitlist: the "a time is free" message. */
export function waitlistTemplateIds(templates: SubscribeTemplates | null): string[] {
  return pick(templates, ['waitlist'])
}

export type SubscribeOutcome = 'all' | 'some' | 'none'

/** wx.requestSubscribeMessage resolves with `{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter', errMsg }`. */
export function subscribeOutcome(result: Record<string, unknown>, ids: readonly string[]): SubscribeOutcome {
  const accepted = ids.filter((id) => result[id] === 'accept').length
  if (accepted === 0) return 'none'
  return accepted === ids.length ? 'all' : 'some'
}

export const SUBSCRIBE_MESSAGES: Readonly<Record<SubscribeOutcome | 'failed', string>> = {
  all: '已添加提醒。驿站确认、时间有变化和开始前一天，微信都会通知你',
  some: '已添加部分提醒。完整的进展可以在「我的 → 消息」里查看',
  none: '没有添加提醒也没关系，预约的进展都可以在「我的 → 消息」里查看',
  failed: '暂时没能添加提醒，预约的进展可以在「我的 → 消息」里查看',
}
