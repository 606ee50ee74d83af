import {
  backgroundAudioEngine,
  createAudioPlayer,
  htmlAudioEngine,
  PLAY_FAILED_MESSAGE,
  PLAYER_ARTIST,
  type AudioElementLike,
  type BackgroundAudioManagerLike,
  type PlayerEvent,
  type PlayerTrack,
} from './audio-player'

const track = (id = 't1', durationSec = 300): PlayerTrack => ({ id, title: `音频${id}`, src: `/api/v1/media/${id}`, cover: '/api/v1/media/c', durationSec })

/** A stand-in for wx's BackgroundAudioManager: assigning src starts playback, callbacks are single slots. */
function fakeManager() {
  const handlers: Record<string, () => void> = {}
  const m = {
    src: '',
    startTime: 0,
    title: '',
    epname: '',
    singer: '',
    coverImgUrl: '',
    currentTime: 0,
    duration: 0,
    srcAssignments: [] as string[],
    play: jest.fn(),
    pause: jest.fn(),
    seek: jest.fn((sec: number) => {
      m.currentTime = sec
    }),
    fire: (name: string) => handlers[name]?.(),
  }
  const on = (name: string) => (cb: () => void) => {
    handlers[name] = cb
  }
  Object.assign(m, {
    onPlay: on('play'),
    onPause: on('pause'),
    onStop: on('stop'),
    onEnded: on('ended'),
    onTimeUpdate: on('timeUpdate'),
    onWaiting: on('waiting'),
    onError: on('error'),
  })
  return new Proxy(m, {
    set(target, key, value) {
      if (key === 'src') target.srcAssignments.push(value as string)
      ;(target as Record<string | symbol, unknown>)[key] = value
      return true
    },
  }) as typeof m & BackgroundAudioManagerLike
}

/** A stand-in for HTMLAudioElement with real-ish readyState / currentTime rules. */
function fakeAudio() {
  const listeners: Record<string, Array<() => void>> = {}
  let playResult: Promise<void> = Promise.resolve()
  const el = {
    src: '',
    preload: '',
    loop: false,
    currentTime: 0,
    duration: NaN,
    readyState: 0,
    ended: false,
    play: jest.fn(() => playResult),
    pause: jest.fn(),
    addEventListener: (type: string, fn: () => void) => {
      ;(listeners[type] ??= []).push(fn)
    },
    emit: (type: string) => listeners[type]?.forEach((fn) => fn()),
    rejectNextPlay(name: string) {
      const error = Object.assign(new Error(name), { name })
      playResult = Promise.reject(error)
      playResult.catch(() => undefined)
    },
  }
  return el
}

function record(player: ReturnType<typeof createAudioPlayer>) {
  const events: Array<[PlayerEvent['type'], number]> = []
  player.onEvent((e) => events.push([e.type, e.positionSec]))
  return events
}

describe('weapp: background audio manager', () => {
  test('the source is handed over on the first 播放, with lock-screen metadata and the resume point', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    player.open(track(), 120)
    expect(manager.srcAssignments).toEqual([])
    expect(player.getState()).toMatchObject({ status: 'paused', currentSec: 120, durationSec: 300 })

    player.play()
    expect(manager.srcAssignments).toEqual(['/api/v1/media/t1'])
    expect(manager).toMatchObject({ title: '音频t1', epname: PLAYER_ARTIST, singer: PLAYER_ARTIST, coverImgUrl: '/api/v1/media/c', startTime: 120 })
    expect(player.getState().status).toBe('loading')
    manager.fire('play')
    expect(player.getState().status).toBe('playing')

    // Later pause / play use the manager without re-assigning src.
    manager.fire('pause')
    player.play()
    expect(manager.play).toHaveBeenCalledTimes(1)
    expect(manager.srcAssignments).toHaveLength(1)
  })

  test('a seek before the first play moves the start point', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    player.open(track(), 0)
    player.seek(90)
    expect(player.getState().currentSec).toBe(90)
    player.play()
    expect(manager.startTime).toBe(90)
  })

  test('after the system player stopped it, 播放 hands the source over again from where it stopped', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    player.open(track(), 0)
    player.play()
    manager.fire('play')
    manager.currentTime = 75
    manager.fire('stop')
    expect(player.getState().status).toBe('paused')
    player.play()
    expect(manager.srcAssignments).toHaveLength(2)
    expect(manager.startTime).toBe(75)
  })

  test('loop: at the end the track starts again from 0 (the manager has no loop of its own)', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    const events = record(player)
    player.open(track(), 200)
    player.setLoop(true)
    player.play()
    manager.fire('play')
    manager.fire('ended')
    expect(manager.srcAssignments).toHaveLength(2)
    expect(manager.startTime).toBe(0)
    expect(player.getState()).toMatchObject({ status: 'loading', currentSec: 0 })
    expect(events.map((e) => e[0])).toEqual(['play', 'ended'])
  })

  test('without loop the end is shown as ended, ready to play from the start', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    player.open(track(), 0)
    player.play()
    manager.fire('play')
    manager.fire('ended')
    expect(player.getState()).toMatchObject({ status: 'ended', currentSec: 0 })
    player.play()
    expect(manager.startTime).toBe(0)
    expect(manager.srcAssignments).toHaveLength(2)
  })

  test('opening another track quiets the old one; its late stop does not touch the new track', () => {
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    const events = record(player)
    player.open(track('a'), 0)
    player.play()
    manager.fire('play')
    manager.currentTime = 42
    manager.fire('timeUpdate')
    player.open(track('b'), 10)
    expect(manager.pause).toHaveBeenCalled()
    expect(events).toContainEqual(['pause', 42])
    manager.fire('stop')
    manager.fire('ended')
    expect(player.getState()).toMatchObject({ track: expect.objectContaining({ id: 'b' }), status: 'paused', currentSec: 10 })
  })
})

describe('H5: audio element', () => {
  test('plays, reports time, pauses, and seeks once metadata is known', async () => {
    const el = fakeAudio()
    const meta = jest.fn()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike, meta))
    const events = record(player)
    player.open(track(), 30)
    expect(el.src).toBe('/api/v1/media/t1')
    expect(el.preload).toBe('metadata')
    expect(meta).toHaveBeenCalledWith({ title: '音频t1', artist: PLAYER_ARTIST, cover: '/api/v1/media/c' })
    // Before metadata the resume point is held, not lost.
    expect(player.getState().currentSec).toBe(30)
    el.readyState = 1
    el.duration = 301.5
    el.emit('loadedmetadata')
    expect(el.currentTime).toBe(30)
    expect(player.getState().durationSec).toBe(301.5)

    player.play()
    el.emit('play')
    el.currentTime = 31.2
    el.emit('timeupdate')
    expect(player.getState()).toMatchObject({ status: 'playing', currentSec: 31.2 })

    player.seek(250)
    expect(el.currentTime).toBe(250)
    player.skip(100)
    expect(el.currentTime).toBe(301.5)
    player.skip(-1000)
    expect(el.currentTime).toBe(0)

    player.pause()
    expect(el.pause).toHaveBeenCalled()
    el.emit('pause')
    expect(player.getState().status).toBe('paused')
    expect(events.map((e) => e[0])).toEqual(['play', 'progress', 'pause'])
  })

  test('pause → play continues where it was (no jump back to the start point)', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track(), 30)
    el.readyState = 1
    el.emit('loadedmetadata')
    player.play()
    el.emit('play')
    el.currentTime = 80
    el.emit('pause')
    player.play()
    el.emit('play')
    expect(el.currentTime).toBe(80)
  })

  test('loop is native: the element loops and the player sets it', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track(), 0)
    player.setLoop(true)
    expect(el.loop).toBe(true)
    player.open(track('t2'), 0)
    expect(el.loop).toBe(true)
    player.setLoop(false)
    expect(el.loop).toBe(false)
  })

  test('a broken file shows the error; a refused autoplay just leaves 播放 there', async () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track(), 0)
    el.rejectNextPlay('NotAllowedError')
    player.play()
    await Promise.resolve()
    await Promise.resolve()
    expect(player.getState()).toMatchObject({ status: 'paused', error: null })

    el.rejectNextPlay('NotSupportedError')
    player.play()
    await Promise.resolve()
    await Promise.resolve()
    expect(player.getState()).toMatchObject({ status: 'error', error: PLAY_FAILED_MESSAGE })
  })

  test('a pause during start-up (AbortError) is not an error', async () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track(), 0)
    el.rejectNextPlay('AbortError')
    player.play()
    player.pause()
    el.emit('pause')
    await Promise.resolve()
    await Promise.resolve()
    expect(player.getState()).toMatchObject({ status: 'paused', error: null })
  })

  test('the pause that comes with the end is reported as ended, not as a pause', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    const events = record(player)
    player.open(track(), 0)
    player.play()
    el.emit('play')
    el.ended = true
    el.emit('pause')
    el.emit('ended')
    expect(events.map((e) => e[0])).toEqual(['play', 'ended'])
    expect(player.getState().status).toBe('ended')
  })
})

describe('controller', () => {
  test('opening the same track again keeps it playing as it is', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track(), 0)
    player.play()
    el.emit('play')
    el.pause.mockClear()
    player.open(track(), 99)
    expect(player.getState().status).toBe('playing')
    expect(el.pause).not.toHaveBeenCalled()
  })

  test('nothing happens without a track; subscribers hear every change', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    const listener = jest.fn()
    player.subscribe(listener)
    player.play()
    player.seek(10)
    player.toggle()
    expect(el.play).not.toHaveBeenCalled()
    expect(listener).not.toHaveBeenCalled()
    player.open(track(), 0)
    expect(listener).toHaveBeenCalled()
  })
})

describe('tracks sharing one file', () => {
  test('H5: opening another track on the same file stops the first and starts from the new point', () => {
    const el = fakeAudio()
    const player = createAudioPlayer(htmlAudioEngine(() => el as unknown as AudioElementLike))
    player.open(track('a'), 0)
    el.readyState = 1
    player.play()
    el.emit('play')
    el.currentTime = 50
    el.pause.mockClear()
    player.open({ ...track('b'), src: track('a').src }, 20)
    expect(el.pause).toHaveBeenCalled()
    expect(el.currentTime).toBe(20)
    el.emit('pause')
    expect(player.getState()).toMatchObject({ track: expect.objectContaining({ id: 'b' }), status: 'paused', currentSec: 20 })
  })
})
