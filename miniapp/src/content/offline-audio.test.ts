import { memoryStore } from '../test-support/memory-store'
import { backgroundAudioEngine, createAudioPlayer, type BackgroundAudioManagerLike } from './audio-player'
import {
  audioExtension,
  createOfflineAudio,
  DOWNLOAD_TIMEOUT_MS,
  fallBackToStreaming,
  MAX_SAVED_TRACKS,
  SAVED_AUDIO_PREFIX,
  type DownloadResult,
  type FileSystemManagerLike,
} from './offline-audio'

const USER = 'wxfile://usr'
const INDEX = 'xinan.content.offlineAudio'
const url = (n: number | string) => `https://api.example.cn/api/v1/media/m${n}`

/** wx's user file system as far as used here: a map of path → size; saveFile moves a temp file in. */
function fakeFs() {
  const files = new Map<string, number>()
  const fs = {
    files,
    saveFails: null as string | null,
    unlinkThrows: false,
    saveFile: jest.fn((option: Parameters<FileSystemManagerLike['saveFile']>[0]) => {
      setTimeout(() => {
        const size = files.get(option.tempFilePath)
        if (fs.saveFails) return option.fail?.({ errMsg: `saveFile:fail ${fs.saveFails}` })
        if (size === undefined) return option.fail?.({ errMsg: 'saveFile:fail tempFilePath file not exist' })
        files.delete(option.tempFilePath)
        files.set(option.filePath ?? '', size)
        option.success?.({ savedFilePath: option.filePath ?? '' })
      }, 0)
    }),
    statSync: jest.fn((path: string) => {
      const size = files.get(path)
      if (size === undefined) throw new Error(`statSync:fail no such file or directory ${path}`)
      return { size, isFile: () => true }
    }),
    unlinkSync: jest.fn((path: string) => {
      if (fs.unlinkThrows) throw new Error('unlinkSync:fail operation not permitted')
      if (!files.delete(path)) throw new Error(`unlinkSync:fail no such file or directory ${path}`)
    }),
    readdirSync: jest.fn((dir: string) =>
      [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
    ),
  }
  return fs
}

function setup(options: { network?: string } = {}) {
  const fs = fakeFs()
  const store = memoryStore()
  const net = { type: options.network ?? 'wifi' }
  let clock = 1_000
  let tempCounter = 0
  const server = { status: 200, size: 4_000_000, fails: false, gates: new Map<string, Promise<void>>() }
  const downloadFile = jest.fn(async (option: { url: string; timeout?: number }): Promise<DownloadResult> => {
    await (server.gates.get(option.url) ?? Promise.resolve())
    if (server.fails) throw { errMsg: 'downloadFile:fail timeout' }
    tempCounter += 1
    const tempFilePath = `wxfile://tmp_${tempCounter}.mp3`
    fs.files.set(tempFilePath, server.size)
    return { statusCode: server.status, tempFilePath, header: { 'Content-Type': 'audio/mpeg' } }
  })
  const getNetworkType = jest.fn(async () => ({ networkType: net.type }))
  const audio = createOfflineAudio({
    fs,
    downloadFile,
    getNetworkType,
    userDataPath: USER,
    store,
    indexKey: INDEX,
    now: () => (clock += 10),
  })
  const userFiles = () => [...fs.files.keys()].filter((p) => p.startsWith(`${USER}/`))
  return { fs, store, net, server, downloadFile, getNetworkType, audio, userFiles }
}

describe('saving the current track on wifi', () => {
  test('downloads the file once, into the user folder, and plays it from there afterwards', async () => {
    const { audio, downloadFile, userFiles } = setup()
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))

    await Promise.all([audio.keep('t1', url(1)), audio.keep('t1', url(1))])
    await audio.keep('t1', url(1))

    expect(downloadFile).toHaveBeenCalledTimes(1)
    expect(downloadFile).toHaveBeenCalledWith({ url: url(1), timeout: DOWNLOAD_TIMEOUT_MS })
    const path = userFiles()[0] ?? ''
    expect(path).toMatch(new RegExp(`^${USER}/${SAVED_AUDIO_PREFIX}t1-\\d+\\.mp3$`))
    expect(audio.sourceFor('t1', url(1))).toBe(path)
    expect(audio.isSavedCopy(path)).toBe(true)
    expect(audio.isSavedCopy(url(1))).toBe(false)
    expect(audio.saved()).toEqual([expect.objectContaining({ trackId: 't1', url: url(1), path, bytes: 4_000_000 })])
  })

  test('does not download on mobile data or without network; the track streams', async () => {
    for (const network of ['4g', '5g', '3g', '2g', 'none', 'unknown']) {
      const { audio, downloadFile } = setup({ network })
      await audio.keep('t1', url(1))
      expect(downloadFile).not.toHaveBeenCalled()
      expect(audio.sourceFor('t1', url(1))).toBe(url(1))
    }
  })

  test('a track first opened on mobile data is saved when it is played again on wifi', async () => {
    const { audio, net, downloadFile } = setup({ network: '4g' })
    await audio.keep('t1', url(1))
    net.type = 'wifi'
    await audio.keep('t1', url(1))
    expect(downloadFile).toHaveBeenCalledTimes(1)
    expect(audio.sourceFor('t1', url(1))).not.toBe(url(1))
  })

  test('keeps only the current and the previous track; the older file is deleted', async () => {
    const { audio, userFiles } = setup()
    await audio.keep('t1', url(1))
    const first = audio.sourceFor('t1', url(1))
    await audio.keep('t2', url(2))
    await audio.keep('t3', url(3))

    expect(audio.saved().map((e) => e.trackId)).toEqual(['t3', 't2'])
    expect(userFiles()).toHaveLength(MAX_SAVED_TRACKS)
    expect(userFiles()).not.toContain(first)
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })

  test('going back to an already saved track makes it recent again, so the other one goes first', async () => {
    const { audio } = setup()
    await audio.keep('t1', url(1))
    await audio.keep('t2', url(2))
    await audio.keep('t1', url(1))
    await audio.keep('t3', url(3))
    expect(audio.saved().map((e) => e.trackId)).toEqual(['t3', 't1'])
  })

  test('a slow download of an older track does not push out the tracks opened after it', async () => {
    const { audio, server } = setup()
    let release = () => {}
    server.gates.set(url(1), new Promise<void>((resolve) => (release = resolve)))
    const slow = audio.keep('t1', url(1))
    await audio.keep('t2', url(2))
    await audio.keep('t3', url(3))
    expect(audio.saved().map((e) => e.trackId)).toEqual(['t3', 't2'])
    release()
    await slow
    expect(audio.saved().map((e) => e.trackId)).toEqual(['t3', 't2'])
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })

  test('a changed audio file (new media URL) is downloaded again and the old copy deleted', async () => {
    const { audio, downloadFile, fs } = setup()
    await audio.keep('t1', url('old'))
    const oldPath = audio.sourceFor('t1', url('old'))
    await audio.keep('t1', url('new'))
    expect(downloadFile).toHaveBeenCalledTimes(2)
    expect(fs.files.has(oldPath)).toBe(false)
    expect(audio.sourceFor('t1', url('new'))).not.toBe(url('new'))
    expect(audio.saved()).toHaveLength(1)
  })

  test('an error page from the server (status not 200) is not kept as audio', async () => {
    const { audio, server, userFiles } = setup()
    server.status = 404
    await audio.keep('t1', url(1))
    expect(userFiles()).toEqual([])
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })
})

describe('when things go wrong', () => {
  test('a saved file removed by WeChat or the OS: the track streams and is downloaded again', async () => {
    const { audio, fs, downloadFile } = setup()
    await audio.keep('t1', url(1))
    fs.files.delete(audio.sourceFor('t1', url(1)))

    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
    expect(audio.saved()).toEqual([])
    await audio.keep('t1', url(1))
    expect(downloadFile).toHaveBeenCalledTimes(2)
    expect(audio.sourceFor('t1', url(1))).not.toBe(url(1))
  })

  test('a saved file of another size (cut short) is not played', async () => {
    const { audio, fs } = setup()
    await audio.keep('t1', url(1))
    const path = audio.sourceFor('t1', url(1))
    fs.files.set(path, 100)
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
    expect(fs.files.has(path)).toBe(false)
  })

  test('full storage (saveFile fails): nothing is recorded, the track streams, and nothing throws', async () => {
    const { audio, fs, userFiles } = setup()
    fs.saveFails = 'the maximum size of the file storage limit is exceeded'
    await expect(audio.keep('t1', url(1))).resolves.toBeUndefined()
    expect(audio.saved()).toEqual([])
    expect(userFiles()).toEqual([])
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })

  test('a failed download (timeout, offline) is quiet and tried again next time', async () => {
    const { audio, server, downloadFile } = setup()
    server.fails = true
    await expect(audio.keep('t1', url(1))).resolves.toBeUndefined()
    server.fails = false
    await audio.keep('t1', url(1))
    expect(downloadFile).toHaveBeenCalledTimes(2)
    expect(audio.saved()).toHaveLength(1)
  })

  test('when the index cannot be written the new file is deleted instead of taking space forever', async () => {
    const { audio, store, userFiles } = setup()
    store.failWrites = true
    await audio.keep('t1', url(1))
    expect(userFiles()).toEqual([])
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })

  test('old files that cannot be deleted do not stop the new one from being saved', async () => {
    const { audio, fs } = setup()
    await audio.keep('t1', url(1))
    await audio.keep('t2', url(2))
    fs.unlinkThrows = true
    await audio.keep('t3', url(3))
    expect(audio.saved().map((e) => e.trackId)).toEqual(['t3', 't2'])
  })

  test('stray files of ours that the index does not know are removed; other files are left alone', async () => {
    const { audio, fs } = setup({ network: 'none' })
    fs.files.set(`${USER}/${SAVED_AUDIO_PREFIX}t9-5.mp3`, 10)
    fs.files.set(`${USER}/someone-else.json`, 10)
    await audio.keep('t1', url(1))
    expect([...fs.files.keys()]).toEqual([`${USER}/someone-else.json`])
  })

  test('a damaged index is read as empty', async () => {
    const { audio, store } = setup()
    store.set(INDEX, '{not json')
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
    store.set(INDEX, JSON.stringify([{ trackId: 't1' }, 'x', null]))
    expect(audio.saved()).toEqual([])
  })

  test('never throws into the page, whatever the platform does', async () => {
    const explode = () => {
      throw new Error('boom')
    }
    const audio = createOfflineAudio({
      fs: { saveFile: explode, statSync: explode, unlinkSync: explode, readdirSync: explode },
      downloadFile: explode,
      getNetworkType: explode,
      userDataPath: USER,
      store: { get: explode, set: explode, remove: explode },
      indexKey: INDEX,
    })
    await expect(audio.keep('t1', url(1))).resolves.toBeUndefined()
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
    expect(audio.discard(`${USER}/${SAVED_AUDIO_PREFIX}t1-1.mp3`)).toBeNull()

    const rejecting = createOfflineAudio({
      fs: fakeFs(),
      downloadFile: () => Promise.reject(new Error('offline')),
      getNetworkType: () => Promise.resolve({ networkType: 'wifi' }),
      userDataPath: USER,
      store: memoryStore(),
      indexKey: INDEX,
    })
    await expect(rejecting.keep('t1', url(1))).resolves.toBeUndefined()
  })
})

describe('which src the player gets', () => {
  test('offline, the saved copy is played', async () => {
    const { audio, net } = setup()
    await audio.keep('t1', url(1))
    net.type = 'none'
    const src = audio.sourceFor('t1', url(1))
    expect(audio.isSavedCopy(src)).toBe(true)
    await audio.keep('t1', url(1))
    expect(audio.sourceFor('t1', url(1))).toBe(src)
  })

  test('the track already playing keeps its src (a download finishing mid-play does not restart it)', async () => {
    const { audio } = setup()
    await audio.keep('t1', url(1))
    const saved = audio.sourceFor('t1', url(1))
    expect(audio.sourceFor('t1', url(1), { id: 't1', src: url(1) })).toBe(url(1))
    expect(audio.sourceFor('t1', url(1), { id: 't1', src: saved })).toBe(saved)
    expect(audio.sourceFor('t1', url(1), { id: 't2', src: url(2) })).toBe(saved)
  })

  test('the player of another track, or a copy of an old URL, gets the right file', async () => {
    const { audio } = setup()
    await audio.keep('t1', url('old'))
    const oldCopy = audio.sourceFor('t1', url('old'))
    expect(audio.sourceFor('t1', url('new'), { id: 't1', src: oldCopy })).toBe(url('new'))
  })

  test('discarding a saved copy forgets it and tells where to stream from', async () => {
    const { audio, fs } = setup()
    await audio.keep('t1', url(1))
    const path = audio.sourceFor('t1', url(1))
    expect(audio.discard(path)).toBe(url(1))
    expect(fs.files.has(path)).toBe(false)
    expect(audio.sourceFor('t1', url(1))).toBe(url(1))
  })
})

describe('audioExtension', () => {
  test('from the temp file, else the Content-Type, else mp3', () => {
    expect(audioExtension('wxfile://tmp_1.m4a')).toBe('m4a')
    expect(audioExtension('http://tmp/abc.AAC')).toBe('aac')
    expect(audioExtension('wxfile://tmp_1', { 'content-type': 'audio/mp4' })).toBe('m4a')
    expect(audioExtension('wxfile://tmp_1.unknown', { 'Content-Type': 'audio/aac; charset=binary' })).toBe('aac')
    expect(audioExtension('wxfile://tmp_1', { 'Content-Type': 'application/octet-stream' })).toBe('mp3')
    expect(audioExtension('wxfile://tmp_1')).toBe('mp3')
  })
})

/** wx's background audio manager as far as the player uses it (assigning src starts playback). */
function fakeManager() {
  const handlers: Record<string, () => void> = {}
  const on = (name: string) => (cb: () => void) => {
    handlers[name] = cb
  }
  const m = {
    src: '',
    startTime: 0,
    title: '',
    epname: '',
    singer: '',
    coverImgUrl: '',
    currentTime: 0,
    duration: 0,
    play: jest.fn(),
    pause: jest.fn(),
    seek: jest.fn(),
    onPlay: on('play'),
    onPause: on('pause'),
    onStop: on('stop'),
    onEnded: on('ended'),
    onTimeUpdate: on('timeUpdate'),
    onWaiting: on('waiting'),
    onError: on('error'),
    fire: (name: string) => handlers[name]?.(),
  }
  return m as typeof m & BackgroundAudioManagerLike
}

describe('fallBackToStreaming', () => {
  test('a saved copy that will not play is thrown away and the track streams on from the same place', async () => {
    const { audio } = setup()
    await audio.keep('t1', url(1))
    const saved = audio.sourceFor('t1', url(1))
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    fallBackToStreaming(player, audio)

    player.open({ id: 't1', title: '海浪', src: saved, cover: null, durationSec: 300 }, 42)
    player.play()
    expect(manager.src).toBe(saved)
    manager.fire('error')
    await Promise.resolve()
    await Promise.resolve()

    expect(manager.src).toBe(url(1))
    expect(manager.startTime).toBe(42)
    expect(player.getState()).toMatchObject({ status: 'loading', error: null, track: { src: url(1) } })
    expect(audio.saved()).toEqual([])
  })

  test('a streaming error is left to the page (no loop, nothing discarded)', async () => {
    const { audio } = setup()
    await audio.keep('t1', url(1))
    const manager = fakeManager()
    const player = createAudioPlayer(backgroundAudioEngine(manager))
    fallBackToStreaming(player, audio)
    player.open({ id: 't2', title: '雨声', src: url(2), cover: null, durationSec: 300 })
    player.play()
    manager.fire('error')
    await Promise.resolve()
    expect(player.getState().status).toBe('error')
    expect(audio.saved()).toHaveLength(1)
  })
})
