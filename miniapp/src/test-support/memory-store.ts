import type { KeyValueStore } from '../services/storage'

/** In-memory KeyValueStore for unit tests; `failWrites` makes set() throw like a full wx storage. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string>; failWrites: boolean } {
  const data = new Map(Object.entries(initial))
  const store = {
    data,
    failWrites: false,
    get: (key: string) => data.get(key) ?? null,
    set(key: string, value: string) {
      if (store.failWrites) throw new Error('setStorageSync:fail exceed storage max size 10MB')
      data.set(key, value)
    },
    remove: (key: string) => {
      data.delete(key)
    },
  }
  return store
}
