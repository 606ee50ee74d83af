// The hook's wiring to the page lifecycle (mount, show, hide, unmount, enabled). Jest here has no React renderer
// and no Taro runtime, so both are stood in for by a tiny hook harness; the loading rules themselves are tested in
// polled-resource.test.ts.
import { usePolledResource, type PolledResourceConfig } from './use-polled-resource'

jest.mock('react', () => ({
  useRef: (initial: unknown) => mockHarness.slot(() => ({ current: initial })),
  useState: (initial: () => unknown) => [mockHarness.slot(initial), () => undefined],
  useSyncExternalStore: (_subscribe: unknown, getState: () => unknown) => getState(),
  useEffect: (effect: () => (() => void) | void, deps: unknown[]) => mockHarness.effect(effect, deps),
}))
jest.mock('@tarojs/taro', () => ({
  useDidShow: (callback: () => void) => {
    mockHarness.onShow = callback
  },
  useDidHide: (callback: () => void) => {
    mockHarness.onHide = callback
  },
}))

type Effect = { deps: unknown[]; cleanup: (() => void) | void }

/** Just enough of React's hook rules: slots by call order, effects re-run when a dependency changes. */
const mockHarness = {
  slots: [] as unknown[],
  index: 0,
  queued: [] as Array<() => void>,
  onShow: () => {},
  onHide: () => {},
  slot<T>(create: () => T): T {
    const i = this.index++
    if (!(i in this.slots)) this.slots[i] = create()
    return this.slots[i] as T
  },
  effect(effect: () => (() => void) | void, deps: unknown[]) {
    const i = this.index++
    const previous = this.slots[i] as Effect | undefined
    if (previous && deps.every((d, j) => Object.is(d, previous.deps[j]))) return
    this.queued.push(() => {
      previous?.cleanup?.()
      this.slots[i] = { deps, cleanup: effect() }
    })
  },
  render<T>(hook: () => T): T {
    this.index = 0
    const result = hook()
    for (const run of this.queued.splice(0)) run()
    return result
  },
  unmount() {
    for (const s of this.slots) if (s && typeof s === 'object' && 'cleanup' in s) (s as Effect).cleanup?.()
    this.slots = []
  },
}

async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve()
}

function page(load: () => Promise<number>, config: Partial<PolledResourceConfig<number>> = {}) {
  const render = (enabled = true) =>
    mockHarness.render(() => usePolledResource(load, { enabled, errorMessage: () => '加载失败', intervalMs: 10_000, ...config }))
  return { render }
}

beforeEach(() => {
  jest.useFakeTimers()
  mockHarness.slots = []
})
afterEach(() => {
  mockHarness.unmount()
  jest.useRealTimers()
})

describe('usePolledResource', () => {
  test('loads on mount, and the first show right after does not load twice', async () => {
    const load = jest.fn(async () => 1)
    const p = page(load)
    p.render()
    mockHarness.onShow()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(p.render().state).toEqual({ kind: 'loaded', data: 1 })
  })

  test('polls while shown; stops on hide; loads again and polls on show', async () => {
    const load = jest.fn(async () => 1)
    page(load).render()
    await flush()
    jest.advanceTimersByTime(10_000)
    await flush()
    expect(load).toHaveBeenCalledTimes(2)

    mockHarness.onHide()
    jest.advanceTimersByTime(60_000)
    expect(load).toHaveBeenCalledTimes(2)

    mockHarness.onShow()
    expect(load).toHaveBeenCalledTimes(3)
    await flush()
    jest.advanceTimersByTime(10_000)
    expect(load).toHaveBeenCalledTimes(4)
  })

  test('stops polling on unmount', async () => {
    const load = jest.fn(async () => 1)
    page(load).render()
    await flush()
    mockHarness.unmount()
    jest.advanceTimersByTime(60_000)
    expect(load).toHaveBeenCalledTimes(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('waits while not enabled (signing in), loads once enabled, stops when disabled again', async () => {
    const load = jest.fn(async () => 1)
    const p = page(load)
    p.render(false)
    mockHarness.onShow()
    jest.advanceTimersByTime(60_000)
    expect(load).not.toHaveBeenCalled()
    expect(p.render(false).state).toEqual({ kind: 'loading' })

    p.render(true)
    expect(load).toHaveBeenCalledTimes(1)
    await flush()
    p.render(false)
    jest.advanceTimersByTime(60_000)
    expect(load).toHaveBeenCalledTimes(1)
  })

  test('refresh() reloads with the latest load function; a failure becomes the error state', async () => {
    const first = jest.fn(async (): Promise<number> => {
      throw new Error('offline')
    })
    const p = page(first)
    p.render()
    await flush()
    expect(p.render().state).toEqual({ kind: 'error', message: '加载失败' })

    const second = jest.fn(async () => 2)
    const handle = mockHarness.render(() => usePolledResource(second, { enabled: true, errorMessage: () => '加载失败' }))
    await expect(handle.refresh()).resolves.toBeUndefined()
    expect(second).toHaveBeenCalledTimes(1)
    expect(p.render().state).toEqual({ kind: 'loaded', data: 2 })
  })
})
