/**
 * The app's one audio player, wired to the platform: the engine (weapp background audio / H5 audio element),
 * position saving (phone always, server when signed in, throttled), play counts, the sleep timer, the cached
 * "current track" and, on weapp, the saved audio files of the current and previous track (offline-audio.ts). Module state on purpose: playback and the sleep timer go on when the player page is
 * closed, and reopening the page shows the same player.
 */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { PLATFORM } from '../env'
import { listListening, recordTrackPlay, saveListening } from '../services/api'
import { session } from '../services/app-session'
import { taroStore } from '../services/storage'
import { contentCache, localListening, mediaUrl, OFFLINE_AUDIO_INDEX_KEY } from './app-content'
import {
  backgroundAudioEngine,
  createAudioPlayer,
  htmlAudioEngine,
  type AudioElementLike,
  type AudioEngine,
  type BackgroundAudioManagerLike,
  type MediaMetadataSink,
  type PlayerTrack,
} from './audio-player'
import { newerPosition, resumeFrom } from './listening'
import { createOfflineAudio, fallBackToStreaming, type FileSystemManagerLike, type OfflineAudio } from './offline-audio'
import { createPositionSync } from './position-sync'
import { isDue, SLEEP_TIMER_OFF, startSleepTimer, type SleepTimer } from './sleep-timer'
import type { Track } from './types'

/** H5 lock screen / notification: the Media Session API where the browser has it. */
const setMediaSession: MediaMetadataSink = ({ title, artist, cover }) => {
  try {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return
    navigator.mediaSession.metadata = new MediaMetadata({ title, artist, artwork: cover ? [{ src: cover }] : [] })
  } catch {
    // Purely cosmetic.
  }
}

function createEngine(): AudioEngine {
  if (PLATFORM === 'weapp') {
    return backgroundAudioEngine(Taro.getBackgroundAudioManager() as unknown as BackgroundAudioManagerLike)
  }
  return htmlAudioEngine(() => new Audio() as unknown as AudioElementLike, setMediaSession)
}

export const player = createAudioPlayer(createEngine())

/** weapp only: H5 has the browser's HTTP cache (media are served immutable) and no file system to keep files in. */
function createOfflineAudioForPlatform(): OfflineAudio | null {
  if (PLATFORM !== 'weapp') return null
  try {
    const userDataPath = Taro.env.USER_DATA_PATH
    if (!userDataPath) return null
    return createOfflineAudio({
      fs: Taro.getFileSystemManager() as unknown as FileSystemManagerLike,
      downloadFile: (option) => Taro.downloadFile(option),
      getNetworkType: () => Taro.getNetworkType(),
      userDataPath,
      store: taroStore,
      indexKey: OFFLINE_AUDIO_INDEX_KEY,
    })
  } catch {
    // An old base library without a file system manager: the player streams, as it always did.
    return null
  }
}

const offlineAudio = createOfflineAudioForPlatform()
if (offlineAudio) fallBackToStreaming(player, offlineAudio)

/** Whether the player is using a saved copy of the audio (the page says so calmly). */
export function isSavedAudio(src: string | null | undefined): boolean {
  return Boolean(src && offlineAudio?.isSavedCopy(src))
}

export function usePlayerState() {
  return useSyncExternalStore(player.subscribe, player.getState, player.getState)
}

// ---- Positions ----

const positionSync = createPositionSync({
  now: () => Date.now(),
  saveLocal: (trackId, sec) => localListening.set(trackId, sec),
  saveRemote: (trackId, sec) => saveListening(trackId, sec),
  canSaveRemote: () => session.getState().status === 'ready',
})

/** Where to start `track`: the newer of this phone's and the server's saved position (server only when signed in). */
export async function resumePosition(track: Pick<Track, 'id' | 'durationSec'>): Promise<number> {
  const local = localListening.get(track.id)
  let remote = null
  if (session.getState().status === 'ready') {
    try {
      remote = (await listListening()).find((p) => p.trackId === track.id) ?? null
    } catch {
      // Offline or signed out meanwhile: the phone's position is good enough.
    }
  }
  return resumeFrom(newerPosition(local, remote), track.durationSec)
}

export function flushPosition(): void {
  const { track, currentSec, status } = player.getState()
  if (track && status !== 'idle') void positionSync.flush(track.id, currentSec)
}

// ---- Play counts: once per track opened ----

let countedOpen: string | null = null
let openSerial = 0
let currentOpen = ''

player.onEvent((event) => {
  if (event.type === 'play') {
    // The phone may have reached wifi since the track was opened.
    if (offlineAudio && !offlineAudio.isSavedCopy(event.track.src)) void offlineAudio.keep(event.track.id, event.track.src)
    if (countedOpen !== currentOpen) {
      countedOpen = currentOpen
      recordTrackPlay(event.track.id).catch(() => {
        // A lost count is not worth bothering the listener.
      })
    }
  } else if (event.type === 'progress') {
    positionSync.report(event.track.id, event.positionSec)
    checkSleepTimer()
  } else if (event.type === 'pause') {
    void positionSync.flush(event.track.id, event.positionSec)
  } else if (event.type === 'ended') {
    // Finished: the next play starts from the beginning.
    void positionSync.flush(event.track.id, 0)
  }
})

/** Makes `track` the player's track (keeps playing if it already is) and remembers it for offline use. */
export function openTrack(track: Track, startSec: number): PlayerTrack | null {
  const remote = mediaUrl(track.url)
  if (!remote) return null
  const before = player.getState().track
  // The saved file when there is one (works offline, costs no data); the stream otherwise.
  const src = offlineAudio ? offlineAudio.sourceFor(track.id, remote, before) : remote
  const playerTrack: PlayerTrack = { id: track.id, title: track.title, src, cover: mediaUrl(track.cover), durationSec: track.durationSec }
  if (before?.id !== playerTrack.id || before.src !== playerTrack.src) {
    openSerial += 1
    currentOpen = `${track.id}#${openSerial}`
  }
  player.open(playerTrack, startSec)
  contentCache.saveCurrentTrack(track)
  if (offlineAudio) void offlineAudio.keep(track.id, remote)
  return playerTrack
}

// ---- Sleep timer ----

let sleepTimer: SleepTimer = SLEEP_TIMER_OFF
let sleepTimeout: ReturnType<typeof setTimeout> | null = null
let sleepEndedAt: number | null = null
const sleepListeners = new Set<() => void>()

function setSleepTimer(next: SleepTimer): void {
  sleepTimer = next
  if (sleepTimeout !== null) clearTimeout(sleepTimeout)
  sleepTimeout = null
  if (next.kind === 'running') {
    sleepEndedAt = null
    sleepTimeout = setTimeout(checkSleepTimer, Math.max(0, next.endsAt - Date.now()))
  }
  for (const listener of sleepListeners) listener()
}

/** Pauses when the timer is due. Also called on progress, so a late background timeout still stops on time. */
export function checkSleepTimer(): void {
  if (!isDue(sleepTimer, Date.now())) return
  setSleepTimer(SLEEP_TIMER_OFF)
  sleepEndedAt = Date.now()
  player.pause()
  for (const listener of sleepListeners) listener()
}

export function chooseSleepTimer(minutes: number | null): void {
  sleepEndedAt = null
  setSleepTimer(minutes === null ? SLEEP_TIMER_OFF : startSleepTimer(minutes, Date.now()))
}

export interface SleepTimerView {
  timer: SleepTimer
  /** Set when the timer just stopped playback (the page says so gently). */
  endedAt: number | null
}

let sleepView: SleepTimerView = { timer: sleepTimer, endedAt: sleepEndedAt }
const getSleepView = () => {
  if (sleepView.timer !== sleepTimer || sleepView.endedAt !== sleepEndedAt) sleepView = { timer: sleepTimer, endedAt: sleepEndedAt }
  return sleepView
}
const subscribeSleep = (listener: () => void) => {
  sleepListeners.add(listener)
  return () => {
    sleepListeners.delete(listener)
  }
}

export function useSleepTimer(): SleepTimerView {
  return useSyncExternalStore(subscribeSleep, getSleepView, getSleepView)
}

// The app going to the background (or the H5 tab closing) is a moment to save where the listener is.
let watching = false
export function watchAppLifecycle(): void {
  if (watching) return
  watching = true
  Taro.onAppHide(() => flushPosition())
  Taro.onAppShow(() => checkSleepTimer())
  if (PLATFORM === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => flushPosition())
  }
}
