import { memoryStore } from '../../../test-support/memory-store'
import {
  confirmationMatches,
  deletionDoneMessage,
  exportCounts,
  exportFileName,
  exportText,
  forgetAccountLocally,
  parseAccountDeleted,
  parseExport,
  type MyDataExport,
} from './account-data'

const doc: MyDataExport = {
  format: 'xinan-resident-export',
  formatVersion: 1,
  exportedAt: '2026-05-05T16:30:00.000Z',
  profile: { id: 'abc' },
  assessments: [{ id: 'a' }, { id: 'b' }],
  bookings: [{ id: 'bk_1' }],
  favorites: [],
  messages: 'not a list',
}

describe('parseExport', () => {
  test('accepts our export and refuses anything else', () => {
    expect(parseExport(doc)).toBe(doc)
    for (const bad of [null, 'x', {}, { format: 'other', exportedAt: '2026-01-01' }, { format: 'xinan-resident-export' }]) {
      expect(() => parseExport(bad)).toThrow()
    }
  })
})

describe('exportCounts', () => {
  test('names only the sections that hold something, in the page order', () => {
    expect(exportCounts(doc)).toEqual([
      { key: 'assessments', label: '保存的自测记录', count: 2 },
      { key: 'bookings', label: '心理咨询预约', count: 1 },
    ])
  })
})

describe('exportFileName', () => {
  test('uses the China day of the export, like the API', () => {
    expect(exportFileName(doc)).toBe('xinan-my-data-20260506.json')
    expect(exportFileName({ exportedAt: '2026-05-05T15:59:59.000Z' })).toBe('xinan-my-data-20260505.json')
    expect(exportFileName({ exportedAt: 'not a date' })).toBe('xinan-my-data.json')
  })

  test('the text is indented JSON that reads back as the same document', () => {
    const text = exportText(doc)
    expect(text).toContain('\n  "format": "xinan-resident-export"')
    expect(JSON.parse(text)).toEqual(doc)
  })
})

describe('confirmationMatches', () => {
  test('only the word 注销 (surrounding spaces forgiven)', () => {
    expect(confirmationMatches('注销')).toBe(true)
    expect(confirmationMatches(' 注销 ')).toBe(true)
    for (const typed of ['', '注', '注销账号', 'zhuxiao', '确认']) expect(confirmationMatches(typed)).toBe(false)
  })
})

describe('after deletion', () => {
  test('the message names what was cancelled, and nothing when nothing was', () => {
    expect(deletionDoneMessage({ deleted: true, cancelledBookings: 1, cancelledRegistrations: 2 })).toContain('已为你取消 1 个预约、2 个活动报名，名额已经释放。')
    expect(deletionDoneMessage({ deleted: true, cancelledBookings: 0, cancelledRegistrations: 1 })).toContain('已为你取消 1 个活动报名')
    const plain = deletionDoneMessage({ deleted: true, cancelledBookings: 0, cancelledRegistrations: 0 })
    expect(plain).toContain('你的账号已经注销')
    expect(plain).not.toContain('取消')
  })

  test('parseAccountDeleted reads the counts and refuses a body that is not a deletion', () => {
    expect(parseAccountDeleted({ deleted: true, cancelledBookings: 2, cancelledRegistrations: 0 })).toEqual({ deleted: true, cancelledBookings: 2, cancelledRegistrations: 0 })
    expect(parseAccountDeleted({ deleted: true })).toEqual({ deleted: true, cancelledBookings: 0, cancelledRegistrations: 0 })
    expect(() => parseAccountDeleted({ error: { code: 'X' } })).toThrow()
  })

  test('the phone forgets the token and listening positions, keeps the rest', () => {
    const store = memoryStore()
    store.set('xinan.token', 't')
    store.set('xinan.content.listening', '{}')
    store.set('xinan.elderMode', '1')
    forgetAccountLocally(store, ['xinan.token', 'xinan.content.listening'])
    expect(store.get('xinan.token')).toBeNull()
    expect(store.get('xinan.content.listening')).toBeNull()
    expect(store.get('xinan.elderMode')).toBe('1')
  })
})
