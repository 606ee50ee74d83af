/**
 * 我的数据与注销: what the page says and decides, without Taro (jest tests it directly).
 * The API side is GET /me/export (all of the resident's data as JSON) and DELETE /me {confirm: '注销'}.
 */
import type { KeyValueStore } from '../../../services/storage'

export const EXPORT_FORMAT = 'xinan-resident-export'

/** The word the resident types to confirm; the API checks the same word. */
export const DELETE_CONFIRM_WORD = '注销'

/** The export as the API sends it: a header and one list per kind of data. */
export interface MyDataExport {
  format: typeof EXPORT_FORMAT
  formatVersion: number
  exportedAt: string
  [section: string]: unknown
}

export interface AccountDeleted {
  deleted: true
  cancelledBookings: number
  cancelledRegistrations: number
}

/** Throws when the body is not our export (the caller reports it like any unreadable answer). */
export function parseExport(body: unknown): MyDataExport {
  const doc = body as Partial<MyDataExport> | null
  if (typeof doc !== 'object' || doc === null || doc.format !== EXPORT_FORMAT || typeof doc.exportedAt !== 'string') {
    throw new Error('not a data export')
  }
  return doc as MyDataExport
}

export function parseAccountDeleted(body: unknown): AccountDeleted {
  const r = body as Partial<AccountDeleted> | null
  if (r?.deleted !== true) throw new Error('not a deletion result')
  return { deleted: true, cancelledBookings: Number(r.cancelledBookings) || 0, cancelledRegistrations: Number(r.cancelledRegistrations) || 0 }
}

/** The sections worth naming to the resident, in the order they are shown. */
const SECTIONS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'assessments', label: '保存的自测记录' },
  { key: 'bookings', label: '心理咨询预约' },
  { key: 'activityRegistrations', label: '活动报名' },
  { key: 'referrals', label: '请站点联系我的申请' },
  { key: 'waitlist', label: '候补登记' },
  { key: 'reminders', label: '复测提醒' },
  { key: 'favorites', label: '收藏' },
  { key: 'listeningPositions', label: '收听进度' },
  { key: 'messages', label: '消息' },
  { key: 'consents', label: '同意记录' },
]

/** "保存的自测记录 3 条"… for the sections that hold something. */
export function exportCounts(doc: MyDataExport): Array<{ key: string; label: string; count: number }> {
  return SECTIONS.map((s) => ({ ...s, count: Array.isArray(doc[s.key]) ? (doc[s.key] as unknown[]).length : 0 })).filter((s) => s.count > 0)
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/** The same name the API gives the file: xinan-my-data-YYYYMMDD.json, by the China day of the export. */
export function exportFileName(doc: Pick<MyDataExport, 'exportedAt'>): string {
  const at = Date.parse(doc.exportedAt)
  if (Number.isNaN(at)) return 'xinan-my-data.json'
  return `xinan-my-data-${new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '')}.json`
}

/** Indented, so the file can be read in any text viewer. */
export function exportText(doc: MyDataExport): string {
  return JSON.stringify(doc, null, 2)
}

export function confirmationMatches(typed: string): boolean {
  return typed.trim() === DELETE_CONFIRM_WORD
}

/** What the page tells the resident before they decide. */
export const DELETION_EXPLAINED = {
  deleted: [
    '你的账号和登录记录',
    '保存的自测记录和答案',
    '请站点联系你的申请、复测提醒、收藏、收听进度和消息',
    '你填写的姓名、电话、想聊的话题、家人的联系方式和评价里写的话',
  ],
  cancelled: '还没到时间的心理咨询预约和活动报名会立即取消，名额马上释放给其他人，站点会看到“居民已取消”。',
  kept: '站点会保留不含个人信息的统计：哪天、哪个站点、哪位咨询师、预约状态和评分星级。这些记录已经无法再对应到你。',
  after: '注销后不能恢复。以后你仍然可以随时使用心安驿站，会是一个全新的、空白的账号。',
} as const

export function deletionDoneMessage(r: AccountDeleted): string {
  const parts: string[] = []
  if (r.cancelledBookings > 0) parts.push(`${r.cancelledBookings} 个预约`)
  if (r.cancelledRegistrations > 0) parts.push(`${r.cancelledRegistrations} 个活动报名`)
  const cancelled = parts.length ? `已为你取消 ${parts.join('、')}，名额已经释放。` : ''
  return `你的账号已经注销，个人数据已删除。${cancelled}谢谢你曾经来过，需要的时候随时回来。`
}

/**
 * What this phone keeps for the account and must forget with it: the sign-in token and listening positions.
 * Content caches (articles, tracks) and 长辈模式 are not about the person and stay.
 */
export function forgetAccountLocally(store: KeyValueStore, keys: readonly string[]): void {
  for (const key of keys) store.remove(key)
}
