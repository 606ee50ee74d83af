/**
 * One audio player for both builds, behind a small engine interface:
 *
 *   weapp → Taro.getBackgroundAudioManager(): keeps playing with the screen locked and shows title, cover and
 *           '心安驿站' on the lock screen. Setting `src` starts playback, so the source is only handed over on
 *           the first 播放 (with `startTime` for resume), and again after the system player stopped it or it ended.
 *   H5    → a plain HTMLAudioElement. Taro H5's BackgroundAudioManager seeks back to `startTime` on every `play`
 *           event (so pause → play jumps back) and its InnerAudioContext stops on every route change, so neither
 *           is usable for a player that should survive leaving the page. Media Session metadata stands in for
 *           the lock screen.
 *
 * createAudioPlayer() is the platform-free controller the page talks to (state, loop, seek clamping, events).
 * Everything here takes its platform objects as arguments, so jest drives it with fakes.
 */

export const PLAYER_ARTIST = '心安驿站'
export const PLAY_FAILED_MESSAGE = '音频暂时播放不了，请检查网络后再试'

export interface PlayerTrack {
  id: string
  title: string
  /** Loadable URL (already resolved against the API origin). */
  src: string
  cover: string | null
  /** From the catalogue; used until the file reports its own duration. */
  durationSec: number
}

export interface AudioSource {
  src: string
  title: string
  cover: string | null
  startSec: number
}

export interface AudioEngineEvents {
  play(): void
  pause(): void
  /** The system player (lock screen / notification) stopped playback. */
  stop(): void
  ended(): void
  timeUpdate(): void
  waiting(): void
  error(): void
}

export interface AudioEngine {
  load(source: AudioSource): void
  play(): void
  pause(): void
  seek(sec: number): void
  currentTime(): number
  duration(): number
  /** true when the engine loops by itself (then `ended` does not fire while looping). */
  setLoop(on: boolean): boolean
  listen(events: AudioEngineEvents): void
}

// ---- weapp: the background audio manager ----

/** The parts of Taro.BackgroundAudioManager used here. */
export interface BackgroundAudioManagerLike {
  src: string
  startTime: number
  title: string
  epname: string
  singer: string
  coverImgUrl: string
  readonly currentTime: number
  readonly duration: number
  play(): void
  pause(): void
  seek(position: number): void
  onPlay(cb: () => void): void
  onPause(cb: () => void): void
  onStop(cb: () => void): void
  onEnded(cb: () => void): void
  onTimeUpdate(cb: () => void): void
  onWaiting(cb: () => void): void
  onError(cb: () => void): void
}

export function backgroundAudioEngine(manager: BackgroundAudioManagerLike): AudioEngine {
  let pending: AudioSource | null = null
  // Whether `pending` still has to be handed to the manager (assigning src is what starts playback).
  let needsSource = true

  return {
    load(source) {
      // The manager may still be playing the previous track; quiet it so its progress is not read as the new one's.
      if (!needsSource) manager.pause()
      pending = { ...source }
      needsSource = true
    },
    play() {
      if (!pending) return
      if (needsSource) {
        manager.title = pending.title
        manager.epname = PLAYER_ARTIST
        manager.singer = PLAYER_ARTIST
        manager.coverImgUrl = pending.cover ?? ''
        manager.startTime = Math.max(0, Math.floor(pending.startSec))
        manager.src = pending.src
        needsSource = false
      } else {
        manager.play()
      }
    },
    pause: () => manager.pause(),
    seek(sec) {
      if (needsSource) {
        if (pending) pending.startSec = sec
      } else {
        manager.seek(sec)
      }
    },
    currentTime: () => (needsSource ? pending?.startSec ?? 0 : manager.currentTime || 0),
    duration: () => (needsSource ? 0 : manager.duration || 0),
    setLoop: () => false,
    listen(events) {
      manager.onPlay(events.play)
      manager.onPause(events.pause)
      // stop/ended while a new track waits to be handed over belong to the previous track: ignored.
      manager.onStop(() => {
        if (needsSource) return
        // After a stop the manager needs src again; resume from where it stopped.
        if (pending) pending.startSec = manager.currentTime || pending.startSec
        needsSource = true
        events.stop()
      })
      manager.onEnded(() => {
        if (needsSource) return
        if (pending) pending.startSec = 0
        needsSource = true
        events.ended()
      })
      manager.onTimeUpdate(events.timeUpdate)
      manager.onWaiting(events.waiting)
      manager.onError(events.error)
    },
  }
}

// ---- H5: an HTMLAudioElement ----

/** The parts of HTMLAudioElement used here. */
export interface AudioElementLike {
  src: string
  preload: string
  loop: boolean
  currentTime: number
  readonly duration: number
  readonly readyState: number
  play(): Promise<void> | void
  pause(): void
  addEventListener(type: string, listener: () => void): void
}

export interface MediaMetadataSink {
  (meta: { title: string; artist: string; cover: string | null }): void
}

const HAVE_METADATA = 1

export function htmlAudioEngine(createElement: () => AudioElementLike, setMetadata?: MediaMetadataSink): AudioEngine {
  let element: AudioElementLike | null = null
  let events: AudioEngineEvents | null = null
  let loadedSrc = ''
  // Seek target held until the file's metadata is known (setting currentTime earlier is ignored by browsers).
  let pendingStart = 0

  function audio(): AudioElementLike {
    if (element) return element
    const el = createElement()
    el.preload = 'metadata'
    el.addEventListener('loadedmetadata', () => {
      if (pendingStart > 0) el.currentTime = pendingStart
      pendingStart = 0
      events?.timeUpdate()
    })
    el.addEventListener('durationchange', () => events?.timeUpdate())
    el.addEventListener('play', () => events?.play())
    el.addEventListener('playing', () => events?.play())
    el.addEventListener('pause', () => {
      // An element that finished fires pause before ended; `ended` reports that case.
      if (!(el as { ended?: boolean }).ended) events?.pause()
    })
    el.addEventListener('ended', () => events?.ended())
    el.addEventListener('timeupdate', () => events?.timeUpdate())
    el.addEventListener('seeked', () => events?.timeUpdate())
    el.addEventListener('waiting', () => events?.waiting())
    el.addEventListener('error', () => events?.error())
    element = el
    return el
  }

  const metadataReady = () => (element?.readyState ?? 0) >= HAVE_METADATA

  return {
    load(source) {
      const el = audio()
      // A new track always starts paused, even when it shares its file with the one playing.
      el.pause()
      if (loadedSrc !== source.src) {
        el.src = source.src
        loadedSrc = source.src
      }
      if (metadataReady()) el.currentTime = source.startSec
      else pendingStart = source.startSec
      setMetadata?.({ title: source.title, artist: PLAYER_ARTIST, cover: source.cover })
    },
    play() {
      if (!loadedSrc) return
      try {
        const started = audio().play()
        // Autoplay refusal or a broken file rejects here; the page shows the error and the 播放 button again.
        if (started && typeof started.catch === 'function') {
          started.catch((error: unknown) => {
            const name = (error as { name?: string } | null)?.name
            // pause() before playback began (AbortError) is a pause, and so is the browser refusing to start
            // without a tap (NotAllowedError): the 播放 button is there for that. Anything else is a failure.
            if (name === 'NotAllowedError') events?.pause()
            else if (name !== 'AbortError') events?.error()
          })
        }
      } catch {
        events?.error()
      }
    },
    pause: () => element?.pause(),
    seek(sec) {
      if (metadataReady()) audio().currentTime = sec
      else pendingStart = sec
    },
    currentTime: () => (metadataReady() ? element?.currentTime ?? 0 : pendingStart),
    duration: () => {
      const d = element?.duration ?? 0
      return Number.isFinite(d) && d > 0 ? d : 0
    },
    setLoop(on) {
      audio().loop = on
      return true
    },
    listen(next) {
      events = next
    },
  }
}

// ---- The controller ----

export type PlayerStatus = 'idle' | 'paused' | 'loading' | 'playing' | 'ended' | 'error'

export interface PlayerState {
  track: PlayerTrack | null
  status: PlayerStatus
  currentSec: number
  durationSec: number
  loop: boolean
  error: string | null
}

export type PlayerEvent =
  | { type: 'play'; track: PlayerTrack; positionSec: number }
  | { type: 'pause'; track: PlayerTrack; positionSec: number }
  | { type: 'ended'; track: PlayerTrack; positionSec: number }
  | { type: 'progress'; track: PlayerTrack; positionSec: number }

export interface AudioPlayer {
  getState(): PlayerState
  subscribe(listener: () => void): () => void
  /** Player events (play/pause/ended/progress) for position saving and play counts. */
  onEvent(listener: (event: PlayerEvent) => void): () => void
  /** Makes `track` the current one, ready to play from startSec. The same track again keeps playing as it is. */
  open(track: PlayerTrack, startSec?: number): void
  play(): void
  pause(): void
  toggle(): void
  seek(sec: number): void
  skip(deltaSec: number): void
  setLoop(on: boolean): void
}

const IDLE: PlayerState = { track: null, status: 'idle', currentSec: 0, durationSec: 0, loop: false, error: null }

export function createAudioPlayer(engine: AudioEngine): AudioPlayer {
  let state: PlayerState = IDLE
  const listeners = new Set<() => void>()
  const eventListeners = new Set<(event: PlayerEvent) => void>()
  let nativeLoop = false

  function setState(patch: Partial<PlayerState>): void {
    const next = { ...state, ...patch }
    if (Object.keys(patch).every((k) => next[k as keyof PlayerState] === state[k as keyof PlayerState])) return
    state = next
    for (const listener of listeners) listener()
  }

  function emit(type: PlayerEvent['type']): void {
    if (!state.track) return
    const event = { type, track: state.track, positionSec: state.currentSec } as PlayerEvent
    for (const listener of eventListeners) listener(event)
  }

  const durationOf = () => engine.duration() || state.track?.durationSec || 0

  function readTime(): void {
    if (!state.track) return
    setState({ currentSec: Math.max(0, engine.currentTime()), durationSec: durationOf() })
  }

  engine.listen({
    play() {
      if (!state.track) return
      readTime()
      const wasPlaying = state.status === 'playing'
      setState({ status: 'playing', error: null })
      if (!wasPlaying) emit('play')
    },
    pause() {
      if (!state.track || state.status === 'ended') return
      readTime()
      const wasPaused = state.status === 'paused'
      setState({ status: 'paused' })
      if (!wasPaused) emit('pause')
    },
    stop() {
      if (!state.track) return
      const wasPaused = state.status === 'paused'
      setState({ status: 'paused' })
      if (!wasPaused) emit('pause')
    },
    ended() {
      if (!state.track) return
      setState({ currentSec: durationOf() })
      emit('ended')
      if (state.loop && !nativeLoop) {
        setState({ currentSec: 0, status: 'loading' })
        engine.play()
        return
      }
      setState({ status: 'ended', currentSec: 0 })
    },
    timeUpdate() {
      if (!state.track) return
      readTime()
      if (state.status === 'playing') emit('progress')
    },
    waiting() {
      if (state.status === 'playing') setState({ status: 'loading' })
    },
    error() {
      if (!state.track) return
      setState({ status: 'error', error: PLAY_FAILED_MESSAGE })
    },
  })

  function clamp(sec: number): number {
    const max = durationOf()
    const value = Number.isFinite(sec) ? sec : 0
    return Math.max(0, max > 0 ? Math.min(value, max) : value)
  }

  function open(track: PlayerTrack, startSec = 0): void {
    if (state.track?.id === track.id && state.track.src === track.src) return
    if (state.track && (state.status === 'playing' || state.status === 'loading')) {
      readTime()
      emit('pause')
    }
    const start = Math.max(0, Math.floor(startSec))
    state = { ...IDLE, loop: state.loop, track, status: 'paused', currentSec: start, durationSec: track.durationSec }
    engine.load({ src: track.src, title: track.title, cover: track.cover, startSec: start })
    nativeLoop = engine.setLoop(state.loop)
    for (const listener of listeners) listener()
  }

  function play(): void {
    if (!state.track || state.status === 'playing') return
    setState({ status: 'loading', error: null })
    engine.play()
  }

  function pause(): void {
    if (state.track) engine.pause()
  }

  function seek(sec: number): void {
    if (!state.track) return
    const at = clamp(sec)
    engine.seek(at)
    setState({ currentSec: at, status: state.status === 'ended' ? 'paused' : state.status })
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    onEvent(listener) {
      eventListeners.add(listener)
      return () => {
        eventListeners.delete(listener)
      }
    },
    open,
    play,
    pause,
    toggle: () => (state.status === 'playing' || state.status === 'loading' ? pause() : play()),
    seek,
    skip: (deltaSec) => seek(state.currentSec + deltaSec),
    setLoop(on) {
      if (state.track) nativeLoop = engine.setLoop(on)
      setState({ loop: on })
    },
  }
}
