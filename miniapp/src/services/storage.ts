import Taro from '@tarojs/taro'

/** Storage keys, namespaced so they never collide with Taro's own. */
export const STORAGE_KEYS = {
  token: 'xinan.token',
  devOpenid: 'xinan.devOpenid',
} as const

/** Synchronous string storage (wx storage on weapp, localStorage on H5). */
export interface KeyValueStore {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export const taroStore: KeyValueStore = {
  get(key) {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  set(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    Taro.removeStorageSync(key)
  },
}
