/**
 * 长辈模式 (larger type and tap targets) as a tiny subscribable setting kept in storage. Every content page
 * reads it through useElderMode() and puts the `elder` class on its root; switching it on 我的 re-renders the
 * pages already open. Pure: the store is injected.
 */
import type { KeyValueStore } from '../services/storage'

/** Root class the page CSS keys on. */
export const ELDER_CLASS = 'elder'

export interface ElderModeSetting {
  get(): boolean
  set(on: boolean): void
  subscribe(listener: () => void): () => void
}

export function createElderModeSetting(store: KeyValueStore, key: string): ElderModeSetting {
  const read = () => {
    try {
      return store.get(key) === '1'
    } catch {
      return false
    }
  }
  let value = read()
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(on) {
      if (on === value) return
      value = on
      try {
        if (on) store.set(key, '1')
        else store.remove(key)
      } catch {
        // Not remembered for next time, but it still applies now.
      }
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/** The page root's className with `elder` added when the mode is on. */
export function withElderClass(className: string, elder: boolean): string {
  return elder ? `${className} ${ELDER_CLASS}` : className
}
