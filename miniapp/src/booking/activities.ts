/** Activities (活动) as residents see them: kind labels, seats, whether one can still register. Pure. */
import type { ActivityKind, ActivityView } from './types'

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = {
  group_counseling: '团体辅导',
  lecture: '讲座',
  checkup: '心理体检日',
  other: '活动',
}

export function activityKindLabel(kind: string): string {
  return ACTIVITY_KIND_LABELS[kind as ActivityKind] ?? '活动'
}

export type ActivityState = 'registered' | 'open' | 'full' | 'closed'

export function activityState(activity: Pick<ActivityView, 'status' | 'start' | 'remaining' | 'registered'>, now: Date): ActivityState {
  if (activity.registered) return 'registered'
  if (activity.status !== 'published' || Date.parse(activity.start) <= now.getTime()) return 'closed'
  if (activity.remaining <= 0) return 'full'
  return 'open'
}

export function activitySeatsText(activity: Pick<ActivityView, 'status' | 'start' | 'remaining' | 'seats' | 'registered'>, now: Date): string {
  switch (activityState(activity, now)) {
    case 'registered':
      return '你已报名'
    case 'closed':
      return activity.status === 'cancelled' ? '活动已取消' : '已截止报名'
    case 'full':
      return '名额已满'
    default:
      return `还剩 ${activity.remaining} 个名额（共 ${activity.seats} 个）`
  }
}
