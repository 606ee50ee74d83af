/**
 * weapp only: keeps the audio FILE of the current track (and of the one before it) on the phone, so the player
 * still plays when the network is gone. H5 relies on the browser's HTTP cache (media are served `immutable`).
 *
 *   - When: a track becomes the current track or starts playing, and the phone is on wifi. Never on mobile data:
 *     the stream is already paid for once, and many listeners are on small data plans.
 *   - Where: downloaded to a temp file, then moved with FileSystemManager.saveFile into the user data folder
 *     (wx's 200 MB for user files; the old wx.saveFile is capped at 10 MB, too small for audio).
 *   - How many: MAX_SAVED_TRACKS files, most recently used first; older files are deleted.
 *   - Which copy: media URLs never change their bytes (the API serves them `immutable` and a new upload gets a new
 *     id), so a copy is kept per (track id, URL). An editor replacing a track's audio changes the URL, so the old
 *     copy is no longer used and the new file is downloaded. The saved size is recorded too: a copy whose file is
 *     gone or has another size (cleared by WeChat or the OS) is forgotten and the track is streamed again.
 *   - The player uses the saved copy whenever it is there, online or not: same bytes, no data, and no guessing
 *     whether the network really works.
 *
 * Every failure (no network, full storage, a file already removed) only means "no saved copy": nothing here
 * throws into the page. Pure: the wx file system, download and network APIs are injected (jest uses fakes).
 */
import type { KeyValueStore } from '../services/storage'
import type { AudioPlayer } from './audio-player'

export const MAX_SAVED_TRACKS = 2
/** File names of saved audio start with this, so stray files can be recognised and removed. */
export const SAVED_AUDIO_PREFIX = 'xinan-audio-'
/** wx's default download timeout is 60 s, too short for a long track on slow wifi. */
export const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000
export const SAVED_AUDIO_NOTE = '正在播放已保存的音频，无需网络'

/** The parts of Taro.FileSystemManager used here (callback style, as wx has it). */
export interface FileSystemManagerLike {
  saveFile(option: {
    tempFilePath: string
    filePath?: string
    success?: (result: { savedFilePath: string }) => void
    fail?: (result: { errMsg: string }) => void
  }): void
  /** Throws when the file is not there. */
  statSync(path: string): unknown
  unlinkSync(path: string): void
  readdirSync(dirPath: string): string[]
}

export interface DownloadResult {
  statusCode: number
  tempFilePath: string
  header?: Record<string, unknown>
}

export interface OfflineAudioPlatform {
  fs: FileSystemManagerLike
  downloadFile(option: { url: string; timeout?: number }): Promise<DownloadResult>
  getNetworkType(): Promise<{ networkType: string }>
  /** wx.env.USER_DATA_PATH */
  userDataPath: string
  store: KeyValueStore
  /** Storage key of the index of saved files. */
  indexKey: string
  now?: () => number
}

export interface SavedAudio {
  trackId: string
  /** The remote URL the file was downloaded from. */
  url: string
  path: string
  bytes: number
  /** When the track was last made current (ms); decides which files go first. */
  usedAt: number
}

export interface OfflineAudio {
  /**
   * The src for the player: the saved copy of `url` when it is still on the phone, else `url`. When `current`
   * (the player's track) is this track already playing either copy, its src is kept so playback is not restarted.
   */
  sourceFor(trackId: string, url: string, current?: { id: string; src: string } | null): string
  /** The track became current or is playing: marks it recently used and, on wifi, saves its file if missing. */
  keep(trackId: string, url: string): Promise<void>
  /** A saved copy that failed to play: forgets and deletes it. Returns its remote URL to stream instead, if known. */
  discard(path: string): string | null
  /** Whether `src` is one of the files kept here. */
  isSavedCopy(src: string): boolean
  /** The index as saved (for tests and diagnostics). */
  saved(): SavedAudio[]
}

const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'aac', 'wav']
const EXTENSION_BY_TYPE: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
}

/**
 * The saved file needs the right extension: the system player picks its decoder from it for local files. The temp
 * file usually has one already (wx derives it from Content-Type); otherwise the header decides; mp3 is the default.
 */
export function audioExtension(tempFilePath: string, header?: Record<string, unknown>): string {
  const fromPath = /\.([a-z0-9]+)$/i.exec(tempFilePath)?.[1]?.toLowerCase()
  if (fromPath && AUDIO_EXTENSIONS.includes(fromPath)) return fromPath
  const typeKey = Object.keys(header ?? {}).find((k) => k.toLowerCase() === 'content-type')
  const type = typeKey ? String(header?.[typeKey]).split(';')[0]?.trim().toLowerCase() ?? '' : ''
  return EXTENSION_BY_TYPE[type] ?? 'mp3'
}

function parseIndex(raw: string | null): SavedAudio[] {
  if (!raw) return []
  try {
    const value = JSON.parse(raw) as unknown
    if (!Array.isArray(value)) return []
    return value.filter(
      (e): e is SavedAudio =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.trackId === 'string' &&
        typeof e.url === 'string' &&
        typeof e.path === 'string' &&
        typeof e.bytes === 'number' &&
        typeof e.usedAt === 'number',
    )
  } catch {
    return []
  }
}

export function createOfflineAudio(platform: OfflineAudioPlatform): OfflineAudio {
  const { fs, store, indexKey } = platform
  const now = platform.now ?? (() => Date.now())
  const dir = platform.userDataPath.replace(/\/+$/, '')
  const pathPrefix = `${dir}/${SAVED_AUDIO_PREFIX}`
  const inFlight = new Map<string, Promise<void>>()
  /** Last time each track was made current in this session, so a slow download does not count as "newest". */
  const lastUsed = new Map<string, number>()
  /** Remote URL of every saved path handed to the player, so a failing copy can be replaced even once unindexed. */
  const servedFrom = new Map<string, string>()
  let swept = false
  let lastStamp = 0

  // A strictly increasing clock: two tracks opened in the same millisecond still have an order.
  const stamp = () => (lastStamp = Math.max(now(), lastStamp + 1))

  function read(): SavedAudio[] {
    try {
      return parseIndex(store.get(indexKey))
    } catch {
      return []
    }
  }

  function write(entries: SavedAudio[]): boolean {
    try {
      store.set(indexKey, JSON.stringify(entries))
      return true
    } catch {
      return false
    }
  }

  function removeFile(path: string): void {
    try {
      fs.unlinkSync(path)
    } catch {
      // Already gone (WeChat or the OS cleared it) or not removable now: either way nothing points at it any more.
    }
  }

  function sizeOf(path: string): number | null {
    try {
      const size = (fs.statSync(path) as { size?: unknown } | null)?.size
      return typeof size === 'number' ? size : null
    } catch {
      return null
    }
  }

  const matches = (e: SavedAudio, trackId: string, url: string) => e.trackId === trackId && e.url === url

  /** The entry for (trackId, url) if its file is really there; a stale entry is dropped on the way. */
  function validEntry(trackId: string, url: string): SavedAudio | null {
    const entries = read()
    const entry = entries.find((e) => matches(e, trackId, url))
    if (!entry) return null
    if (sizeOf(entry.path) === entry.bytes) return entry
    removeFile(entry.path)
    write(entries.filter((e) => e !== entry))
    return null
  }

  /** Files of ours the index does not know (the app was closed between saving and indexing): wasted space. */
  function sweepStrays(): void {
    if (swept) return
    swept = true
    try {
      const known = new Set(read().map((e) => e.path))
      for (const name of fs.readdirSync(dir)) {
        const path = `${dir}/${name}`
        if (name.startsWith(SAVED_AUDIO_PREFIX) && !known.has(path)) removeFile(path)
      }
    } catch {
      // Not being able to list the folder only means strays stay until next time.
    }
  }

  function touch(trackId: string): void {
    const at = stamp()
    lastUsed.set(trackId, at)
    const entries = read()
    if (entries.some((e) => e.trackId === trackId)) write(entries.map((e) => (e.trackId === trackId ? { ...e, usedAt: at } : e)))
  }

  function saveFile(tempFilePath: string, filePath: string): Promise<boolean> {
    return new Promise((resolve) => {
      try {
        fs.saveFile({ tempFilePath, filePath, success: () => resolve(true), fail: () => resolve(false) })
      } catch {
        resolve(false)
      }
    })
  }

  /** Records a freshly saved file and deletes what no longer fits (older copies of this track included). */
  function record(saved: SavedAudio): void {
    const entries = read()
    const others = entries.filter((e) => e.trackId !== saved.trackId)
    const ordered = [saved, ...others].sort((a, b) => b.usedAt - a.usedAt)
    const kept = ordered.slice(0, MAX_SAVED_TRACKS)
    if (!write(kept)) {
      // An untracked file would take space forever; the index as it was still describes the files on the phone.
      removeFile(saved.path)
      return
    }
    const keptPaths = new Set(kept.map((e) => e.path))
    for (const e of entries) if (!keptPaths.has(e.path)) removeFile(e.path)
    if (!keptPaths.has(saved.path)) removeFile(saved.path)
  }

  async function download(trackId: string, url: string): Promise<void> {
    const { networkType } = await platform.getNetworkType()
    if (networkType !== 'wifi') return
    const result = await platform.downloadFile({ url, timeout: DOWNLOAD_TIMEOUT_MS })
    if (result.statusCode !== 200 || !result.tempFilePath) return
    const safeId = trackId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)
    const path = `${pathPrefix}${safeId}-${stamp()}.${audioExtension(result.tempFilePath, result.header)}`
    if (!(await saveFile(result.tempFilePath, path))) return
    const bytes = sizeOf(path)
    if (bytes === null || bytes === 0) {
      removeFile(path)
      return
    }
    record({ trackId, url, path, bytes, usedAt: lastUsed.get(trackId) ?? stamp() })
  }

  const isSavedCopy = (src: string) => src.startsWith(pathPrefix)

  return {
    sourceFor(trackId, url, current) {
      try {
        if (current && current.id === trackId) {
          if (current.src === url) return url
          if (isSavedCopy(current.src) && read().some((e) => e.path === current.src && matches(e, trackId, url))) return current.src
        }
        const saved = validEntry(trackId, url)
        if (!saved) return url
        servedFrom.set(saved.path, url)
        return saved.path
      } catch {
        return url
      }
    },

    keep(trackId, url) {
      try {
        sweepStrays()
        touch(trackId)
        const key = `${trackId}\n${url}`
        const running = inFlight.get(key)
        if (running) return running
        if (validEntry(trackId, url)) return Promise.resolve()
        const job = download(trackId, url)
          .catch(() => {
            // Offline, timed out, storage full: the track just streams, as before.
          })
          .finally(() => inFlight.delete(key))
        inFlight.set(key, job)
        return job
      } catch {
        return Promise.resolve()
      }
    },

    discard(path) {
      try {
        const entries = read()
        const entry = entries.find((e) => e.path === path)
        removeFile(path)
        if (entry) write(entries.filter((e) => e !== entry))
        return entry?.url ?? servedFrom.get(path) ?? null
      } catch {
        return servedFrom.get(path) ?? null
      }
    },

    isSavedCopy,
    saved: read,
  }
}

/**
 * A saved copy that fails to play (the file vanished after it was checked, or is damaged) is thrown away and the
 * track is streamed from where it was, as if nothing happened; the next wifi play saves it again.
 * Returns the unsubscribe function.
 */
export function fallBackToStreaming(
  player: Pick<AudioPlayer, 'subscribe' | 'getState' | 'open' | 'play'>,
  audio: OfflineAudio,
  defer: (task: () => void) => void = (task) => void Promise.resolve().then(task),
): () => void {
  return player.subscribe(() => {
    const { track, status, currentSec } = player.getState()
    if (status !== 'error' || !track || !audio.isSavedCopy(track.src)) return
    const url = audio.discard(track.src)
    if (!url) return
    // Not from inside the player's own notification: open() notifies listeners again.
    defer(() => {
      const latest = player.getState().track
      if (latest?.id !== track.id || latest.src !== track.src) return
      player.open({ ...track, src: url }, currentSec)
      player.play()
    })
  })
}
