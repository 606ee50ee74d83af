import { createPolledResource, type PolledResourceOptions, type PolledState } from './polled-resource'

/** A load whose answers the test hands out one at a time. */
function controlledLoad<T>() {
  const pending: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = []
  const load = jest.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        pending.push({ resolve, reject })
      }),
  )
  return {
    load,
    answer: async (value: T) => {
      pending.shift()!.resolve(value)
      await flush()
    },
    fail: async (error: unknown) => {
      pending.shift()!.reject(error)
      await flush()
    },
  }
}

/** Lets settled promises run their callbacks (fake timers do not affect microtasks). */
async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve()
}

function resource<T>(options: Partial<PolledResourceOptions<T>> & Pick<PolledResourceOptions<T>, 'load'>) {
  const r = createPolledResource<T>({ errorMessage: (e) => `出错了：${String(e)}`, ...options })
  const seen: PolledState<T>[] = []
  r.subscribe(() => seen.push(r.getState()))
  return Object.assign(r, { seen })
}

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe('createPolledResource', () => {
  test('starts loading and shows the data once it arrives', async () => {
    const api = controlledLoad<string[]>()
    const r = resource({ load: api.load })
    expect(r.getState()).toEqual({ kind: 'loading' })
    r.start()
    expect(api.load).toHaveBeenCalledTimes(1)
    await api.answer(['a'])
    expect(r.getState()).toEqual({ kind: 'loaded', data: ['a'] })
  })

  test('start() on an already started resource does not load again (page shown right after mount)', async () => {
    const load = jest.fn(async () => 1)
    const r = resource({ load, intervalMs: 10_000 })
    r.start()
    r.start()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(10_000)
    expect(load).toHaveBeenCalledTimes(2)
  })

  test('polls at the interval while started, and stops polling when stopped (page hidden or closed)', async () => {
    let n = 0
    const load = jest.fn(async () => ++n)
    const r = resource({ load, intervalMs: 10_000 })
    r.start()
    await flush()
    jest.advanceTimersByTime(9_999)
    expect(load).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(1)
    await flush()
    expect(load).toHaveBeenCalledTimes(2)
    expect(r.getState()).toEqual({ kind: 'loaded', data: 2 })
    jest.advanceTimersByTime(10_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(3)

    r.stop()
    jest.advanceTimersByTime(60_000)
    expect(load).toHaveBeenCalledTimes(3)
    expect(jest.getTimerCount()).toBe(0)

    // Shown again: loads at once and polls again.
    r.start()
    expect(load).toHaveBeenCalledTimes(4)
    await flush()
    jest.advanceTimersByTime(10_000)
    expect(load).toHaveBeenCalledTimes(5)
  })

  test('without an interval it never polls', async () => {
    const load = jest.fn(async () => 'x')
    const r = resource({ load })
    r.start()
    jest.advanceTimersByTime(600_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('a slow answer is not stacked with more polls', async () => {
    const api = controlledLoad<number>()
    const r = resource({ load: api.load, intervalMs: 1_000 })
    r.start()
    jest.advanceTimersByTime(5_000)
    expect(api.load).toHaveBeenCalledTimes(1)
    await api.answer(1)
    jest.advanceTimersByTime(1_000)
    expect(api.load).toHaveBeenCalledTimes(2)
  })

  test('pollWhile: polls only while the loaded data asks for it', async () => {
    let status = 'requested'
    const load = jest.fn(async () => ({ status }))
    const r = resource({ load, intervalMs: 1_000, pollWhile: (b) => b.status === 'requested' })
    r.start()
    await flush()
    jest.advanceTimersByTime(1_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(2)
    status = 'confirmed'
    jest.advanceTimersByTime(1_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(3)
    jest.advanceTimersByTime(5_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(3)
  })

  test('refresh() loads again, and its answer replaces the data', async () => {
    const api = controlledLoad<string>()
    const r = resource({ load: api.load })
    r.start()
    await api.answer('old')
    const done = r.refresh()
    expect(api.load).toHaveBeenCalledTimes(2)
    await api.answer('new')
    await expect(done).resolves.toBeUndefined()
    expect(r.getState()).toEqual({ kind: 'loaded', data: 'new' })
  })

  test('a failed first load is an error state with words for people; it does not throw', async () => {
    const api = controlledLoad<string>()
    const r = resource({ load: api.load })
    r.start()
    await api.fail(new Error('offline'))
    expect(r.getState()).toEqual({ kind: 'error', message: '出错了：Error: offline' })
    // 重试 works from the error state.
    const retry = r.refresh()
    await api.answer('back')
    await expect(retry).resolves.toBeUndefined()
    expect(r.getState()).toEqual({ kind: 'loaded', data: 'back' })
  })

  test('a load that throws synchronously is an error state too', async () => {
    const r = resource<string>({
      load: () => {
        throw new Error('bad id')
      },
    })
    r.start()
    await flush()
    expect(r.getState()).toEqual({ kind: 'error', message: '出错了：Error: bad id' })
  })

  test('a failed poll or refresh keeps what is on screen', async () => {
    const api = controlledLoad<string>()
    const r = resource({ load: api.load, intervalMs: 1_000 })
    r.start()
    await api.answer('list')
    jest.advanceTimersByTime(1_000)
    await api.fail(new Error('timeout'))
    expect(r.getState()).toEqual({ kind: 'loaded', data: 'list' })
    const again = r.refresh()
    await api.fail(new Error('timeout'))
    await expect(again).resolves.toBeUndefined()
    expect(r.getState()).toEqual({ kind: 'loaded', data: 'list' })
  })

  test('only the newest load decides: an earlier answer arriving late is dropped', async () => {
    const api = controlledLoad<string>()
    const r = resource({ load: api.load })
    r.start()
    void r.refresh()
    // The first request answers after the second was sent.
    await api.answer('stale')
    expect(r.getState()).toEqual({ kind: 'loading' })
    await api.answer('fresh')
    expect(r.getState()).toEqual({ kind: 'loaded', data: 'fresh' })
  })

  test('update() changes the data at once and is not undone by an answer that left before it', async () => {
    const api = controlledLoad<{ status: string }>()
    const r = resource({ load: api.load, intervalMs: 1_000 })
    r.start()
    await api.answer({ status: 'requested' })
    jest.advanceTimersByTime(1_000)
    r.update(() => ({ status: 'cancelled' }))
    expect(r.getState()).toEqual({ kind: 'loaded', data: { status: 'cancelled' } })
    await api.answer({ status: 'requested' })
    expect(r.getState()).toEqual({ kind: 'loaded', data: { status: 'cancelled' } })
  })

  test('update() before anything is loaded does nothing', () => {
    const r = resource({ load: jest.fn(async () => 1) })
    const change = jest.fn((n: number) => n + 1)
    r.update(change)
    expect(change).not.toHaveBeenCalled()
    expect(r.getState()).toEqual({ kind: 'loading' })
  })

  test('subscribers hear each change until they unsubscribe', async () => {
    const r = resource({ load: jest.fn(async () => 'a') })
    const listener = jest.fn()
    const unsubscribe = r.subscribe(listener)
    r.start()
    await flush()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(r.seen).toEqual([{ kind: 'loaded', data: 'a' }])
    unsubscribe()
    await r.refresh()
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
