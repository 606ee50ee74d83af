import Taro from '@tarojs/taro'

/** Storage keys, namespaced so they never collide with Taro's own. */
export const STORAGE_KEYS = {
  token: 'xinan.token',
  devOpenid: 'xinan.devOpenid',
  // 长辈模式 ('1' = on).
  elderMode: 'xinan.elderMode',
  // Offline copies of content (src/content/offline-cache.ts): article index + one key per body, lists, tracks.
  contentArticleIndex: 'xinan.content.articles',
  contentArticlePrefix: 'xinan.content.article.',
  contentArticleLists: 'xinan.content.articleLists',
  contentTracks: 'xinan.content.tracks',
  contentCurrentTrack: 'xinan.content.currentTrack',
  // Index of the audio files saved on the phone for offline listening on weapp (src/content/offline-audio.ts).
  contentOfflineAudio: 'xinan.content.offlineAudio',
  // Listening positions kept on the phone (src/content/listening.ts).
  contentListening: 'xinan.content.listening',
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
