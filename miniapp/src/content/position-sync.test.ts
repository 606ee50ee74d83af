import { createPositionSync } from './position-sync'

function setup(signedIn = true) {
  let now = 0
  const local: Array<[string, number]> = []
  const remote: Array<[string, number]> = []
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = []
  const sync = createPositionSync({
    now: () => now,
    saveLocal: (id, sec) => local.push([id, sec]),
    saveRemote: (id, sec) => {
      remote.push([id, sec])
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }))
    },
    canSaveRemote: () => signedIn,
  })
  const settle = async (ok = true) => {
    const p = pending.shift()
    if (ok) p?.resolve()
    else p?.reject(new Error('offline'))
    await new Promise((r) => setImmediate(r))
  }
  return { sync, local, remote, settle, advance: (ms: number) => (now += ms) }
}

describe('saving the listening position', () => {
  test('during playback at most once every 10 seconds', async () => {
    const { sync, local, remote, settle, advance } = setup()
    sync.report('t', 1)
    await settle()
    for (let i = 1; i < 40; i++) {
      advance(250) // timeupdate ~4 times a second, for 9.75 s
      sync.report('t', 1 + i * 0.25)
    }
    expect(remote).toEqual([['t', 1]])
    advance(250)
    sync.report('t', 11.2)
    expect(remote).toEqual([
      ['t', 1],
      ['t', 11],
    ])
    expect(local).toEqual(remote)
  })

  test('pause / hide saves at once, but the same second is not sent twice', async () => {
    const { sync, remote, settle, advance } = setup()
    sync.report('t', 40)
    await settle()
    advance(2000)
    void sync.flush('t', 40.4)
    expect(remote).toHaveLength(1)
    void sync.flush('t', 52)
    expect(remote).toEqual([
      ['t', 40],
      ['t', 52],
    ])
  })

  test('one request at a time; only the latest waiting position follows', async () => {
    const { sync, remote, settle } = setup()
    void sync.flush('t', 10)
    void sync.flush('t', 20)
    void sync.flush('t', 30)
    expect(remote).toEqual([['t', 10]])
    await settle()
    expect(remote).toEqual([
      ['t', 10],
      ['t', 30],
    ])
  })

  test('a failed save is quiet and the next one still goes out', async () => {
    const { sync, remote, settle, advance } = setup()
    void sync.flush('t', 10)
    await settle(false)
    advance(10_000)
    sync.report('t', 20)
    expect(remote).toEqual([
      ['t', 10],
      ['t', 20],
    ])
  })

  test('progress ticks before the first second are not saved (they may precede the resume point)', () => {
    const { sync, local, remote } = setup()
    sync.report('t', 0)
    sync.report('t', 0.6)
    expect(local).toEqual([])
    expect(remote).toEqual([])
  })

  test('a new track saves at once even inside the interval', () => {
    const { sync, local } = setup()
    sync.report('a', 5)
    sync.report('b', 1)
    expect(local).toEqual([
      ['a', 5],
      ['b', 1],
    ])
  })

  test('signed out: the phone keeps it, the server is not called', () => {
    const { sync, local, remote } = setup(false)
    void sync.flush('t', 33)
    expect(local).toEqual([['t', 33]])
    expect(remote).toEqual([])
  })
})
