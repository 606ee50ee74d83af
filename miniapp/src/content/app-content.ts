/**
 * The content modules wired to the app: storage-backed offline cache, listening positions, 长辈模式, and media
 * URLs resolved against this build's API base. Pages import from here; the logic lives in the pure modules.
 */
import { useSyncExternalStore } from 'react'
import { API_BASE_URL } from '../env'
import { STORAGE_KEYS, taroStore } from '../services/storage'
import { ALL_CATEGORIES, normalizeQuery, type ArticleFilter } from './article-list'
import { createElderModeSetting } from './elder-mode'
import { createLocalListening } from './listening'
import { resolveMediaUrl } from './media-url'
import { createContentCache } from './offline-cache'
import { prepareArticleHtml } from './rich-html'

export const contentCache = createContentCache(taroStore, {
  articleIndex: STORAGE_KEYS.contentArticleIndex,
  articlePrefix: STORAGE_KEYS.contentArticlePrefix,
  articleLists: STORAGE_KEYS.contentArticleLists,
  tracks: STORAGE_KEYS.contentTracks,
  currentTrack: STORAGE_KEYS.contentCurrentTrack,
})

/** Storage key of the index of audio files saved for offline listening on weapp (offline-audio.ts). */
export const OFFLINE_AUDIO_INDEX_KEY = STORAGE_KEYS.contentOfflineAudio

export const localListening = createLocalListening(taroStore, STORAGE_KEYS.contentListening)

export const elderMode = createElderModeSetting(taroStore, STORAGE_KEYS.elderMode)

/** Whether 长辈模式 is on; re-renders when it is switched. */
export function useElderMode(): boolean {
  return useSyncExternalStore(elderMode.subscribe, elderMode.get, elderMode.get)
}

/** A media URL this platform can load (see media-url.ts). */
export function mediaUrl(url: string | null | undefined): string | null {
  return resolveMediaUrl(url, API_BASE_URL)
}

/** Article HTML ready for RichText (allow-listed, styled, media URLs resolved). */
export function articleHtml(html: string): string {
  return prepareArticleHtml(html, API_BASE_URL)
}

/** Cache key of an article list: only unsearched lists are cached (a search is not worth keeping offline). */
export function cachedListKey(filter: ArticleFilter): string | null {
  return normalizeQuery(filter.q) ? null : filter.category || ALL_CATEGORIES
}
