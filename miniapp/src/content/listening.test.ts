import { memoryStore } from '../test-support/memory-store'
import { createLocalListening, MAX_LOCAL_POSITIONS, newerPosition, resumeFrom } from './listening'

describe('positions on the phone', () => {
  test('one entry per track, newest first, capped', () => {
    let t = Date.parse('2026-03-21T12:00:00Z')
    const store = memoryStore()
    const local = createLocalListening(store, 'k', () => new Date((t += 1000)))
    local.set('a', 12.7)
    local.set('b', 30)
    local.set('a', 40)
    expect(local.all().map((p) => [p.trackId, p.positionSec])).toEqual([
      ['a', 40],
      ['b', 30],
    ])
    for (let i = 0; i < MAX_LOCAL_POSITIONS + 5; i++) local.set(`t${i}`, i)
    expect(local.all()).toHaveLength(MAX_LOCAL_POSITIONS)
    expect(local.get('a')).toBeNull()
  })

  test('garbage in storage reads as nothing; a full storage does not throw', () => {
    const store = memoryStore({ k: '[{"trackId":1},{"trackId":"x","positionSec":"3","updatedAt":"u"}]' })
    const local = createLocalListening(store, 'k')
    expect(local.all()).toEqual([])
    store.failWrites = true
    expect(() => local.set('a', 1)).not.toThrow()
  })
})

describe('which position wins', () => {
  const at = (trackId: string, positionSec: number, updatedAt: string) => ({ trackId, positionSec, updatedAt })

  test('the newer of phone and server (server on a tie or an unreadable date)', () => {
    const phone = at('t', 100, '2026-03-21T12:00:10Z')
    const server = at('t', 50, '2026-03-21T12:00:00Z')
    expect(newerPosition(phone, server)).toBe(phone)
    expect(newerPosition({ ...phone, updatedAt: server.updatedAt }, server)).toBe(server)
    expect(newerPosition({ ...phone, updatedAt: 'x' }, server)).toBe(server)
    expect(newerPosition(null, server)).toBe(server)
    expect(newerPosition(phone, null)).toBe(phone)
  })

  test('resume: from the saved second, but not a tiny one, not at the end, not nonsense', () => {
    expect(resumeFrom(at('t', 192.8, ''), 600)).toBe(192)
    expect(resumeFrom(at('t', 2, ''), 600)).toBe(0)
    expect(resumeFrom(at('t', 597, ''), 600)).toBe(0)
    expect(resumeFrom(at('t', 900, ''), 600)).toBe(0)
    expect(resumeFrom(at('t', 120, ''), 0)).toBe(120)
    expect(resumeFrom(null, 600)).toBe(0)
  })
})
