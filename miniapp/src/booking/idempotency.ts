/**
 * One Idempotency-Key per form submit: the same key while the same request is retried (double tap, lost response,
 * a 5xx, BOOKING_IN_PROGRESS), a new key as soon as the request changes or a definite answer came back. The API
 * then creates at most one booking per key. Pure: randomness is injected.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const KEY_LENGTH = 24
/** What the API accepts: 8–64 of A–Z a–z 0–9 _ -. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export type RandomBytes = (length: number) => Uint8Array

/** 24 characters from a 62-letter alphabet (~143 bits), unbiased (bytes ≥ 248 are dropped, not folded). */
export function newIdempotencyKey(randomBytes: RandomBytes): string {
  let key = ''
  while (key.length < KEY_LENGTH) {
    for (const b of randomBytes(KEY_LENGTH)) {
      if (b < 248 && key.length < KEY_LENGTH) key += ALPHABET[b % 62]
    }
  }
  return key
}

export interface SubmitKeys {
  /** The key for this request body: the current one when the body is unchanged, else a new one. */
  keyFor(body: unknown): string
  /** Forget the key (after success, or a definite refusal): the next submit gets a new one. */
  settle(): void
}

/** Key order does not change the request, so it does not change the fingerprint. */
export function fingerprint(body: unknown): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value as Record<string, unknown>).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]))
    }
    return value
  }
  return JSON.stringify(sorted(body)) ?? ''
}

export function createSubmitKeys(randomBytes: RandomBytes): SubmitKeys {
  let current: { key: string; print: string } | null = null
  return {
    keyFor(body) {
      const print = fingerprint(body)
      if (!current || current.print !== print) current = { key: newIdempotencyKey(randomBytes), print }
      return current.key
    },
    settle() {
      current = null
    },
  }
}
