import { createSubmitKeys, fingerprint, KEY_PATTERN, newIdempotencyKey } from './idempotency'
import { randomBytes } from '../services/random'

/** Deterministic bytes: counts up, so every call gives a different key. */
function counter() {
  let n = 0
  return (length: number) => Uint8Array.from({ length }, () => n++ % 256)
}

describe('Idempotency-Key', () => {
  test('24 characters the API accepts', () => {
    const key = newIdempotencyKey(randomBytes)
    expect(key).toHaveLength(24)
    expect(key).toMatch(KEY_PATTERN)
    expect(key).toMatch(/^[A-Za-z0-9]+$/)
  })

  test('bytes ≥ 248 are skipped, not folded (so even all-high randomness still yields a full key)', () => {
    let calls = 0
    const mostlyHigh = (length: number) => Uint8Array.from({ length }, (_, i) => (calls++ < 2 ? 255 : i))
    expect(newIdempotencyKey(mostlyHigh)).toMatch(/^[A-Za-z0-9]{24}$/)
  })

  test('the same body keeps its key (double tap, retry after a lost answer)', () => {
    const keys = createSubmitKeys(counter())
    const body = { stationId: 's', start: 't', name: '张三' }
    const first = keys.keyFor(body)
    expect(keys.keyFor({ ...body })).toBe(first)
    // Key order does not make it a different request.
    expect(keys.keyFor({ name: '张三', start: 't', stationId: 's' })).toBe(first)
  })

  test('a changed body or a settled submit gets a new key', () => {
    const keys = createSubmitKeys(counter())
    const first = keys.keyFor({ start: 'a' })
    const second = keys.keyFor({ start: 'b' })
    expect(second).not.toBe(first)
    keys.settle()
    expect(keys.keyFor({ start: 'b' })).not.toBe(second)
  })

  test('fingerprint sorts nested keys', () => {
    expect(fingerprint({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(fingerprint({ a: { c: [1, { e: 2, f: 1 }], d: 2 }, b: 1 }))
  })
})
