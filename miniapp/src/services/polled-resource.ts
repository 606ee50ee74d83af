/**
 * Something a page shows and keeps fresh: loaded when the page opens, loaded again when it is shown again, polled
 * while it is on screen, and reloaded on demand (重试, or after the resident changed something). Framework-free;
 * use-polled-resource.ts binds it to a page's lifecycle.
 *
 * Nothing here throws. A first load that fails becomes the `error` state (the page offers 重试); a later reload or
 * poll that fails keeps what is on screen, so a flaky network never blanks a list the resident is reading.
 */

export type PolledState<T> = { kind: 'loading' } | { kind: 'loaded'; data: T } | { kind: 'error'; message: string }

export interface PolledResourceOptions<T> {
  load: () => Promise<T>
  /** The words for a failed first load. */
  errorMessage: (error: unknown) => string
  /** Poll every `intervalMs` while started; 0 or omitted: no polling (loads on start and refresh only). */
  intervalMs?: number
  /** Poll only while this holds for what is loaded (e.g. while a booking still waits for the station). Default: always. */
  pollWhile?: (data: T) => boolean
}

export interface PolledResource<T> {
  getState(): PolledState<T>
  subscribe(listener: () => void): () => void
  /** The page is on screen and may load: loads now, then polls. Does nothing when already started. */
  start(): void
  /** The page is hidden, closed or signed out: no more polls. A load already under way still lands. */
  stop(): void
  /** Loads now. Resolves when done; never rejects. */
  refresh(): Promise<void>
  /**
   * Changes what is loaded at once (e.g. a cancelled booking) without a request. Answers to loads started before
   * the change are dropped, so a response that left the server earlier cannot undo it.
   */
  update(change: (data: T) => T): void
}

export function createPolledResource<T>(options: PolledResourceOptions<T>): PolledResource<T> {
  const listeners = new Set<() => void>()
  let state: PolledState<T> = { kind: 'loading' }
  let timer: ReturnType<typeof setInterval> | null = null
  let started = false
  /** Number of the newest load or update: only its outcome may change the state. */
  let generation = 0
  let loadsUnderWay = 0

  const set = (next: PolledState<T>) => {
    state = next
    for (const listener of listeners) listener()
  }

  const refresh = async (): Promise<void> => {
    const mine = ++generation
    loadsUnderWay += 1
    try {
      const data = await options.load()
      if (mine === generation) set({ kind: 'loaded', data })
    } catch (error) {
      if (mine === generation && state.kind !== 'loaded') set({ kind: 'error', message: options.errorMessage(error) })
    } finally {
      loadsUnderWay -= 1
    }
  }

  const tick = () => {
    // One request at a time: a slow network never stacks polls.
    if (loadsUnderWay > 0) return
    const { pollWhile } = options
    if (pollWhile && !(state.kind === 'loaded' && pollWhile(state.data))) return
    void refresh()
  }

  const stop = () => {
    started = false
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    start() {
      if (started) return
      started = true
      void refresh()
      if (options.intervalMs && options.intervalMs > 0) timer = setInterval(tick, options.intervalMs)
    },
    stop,
    refresh,
    update(change) {
      if (state.kind !== 'loaded') return
      generation += 1
      set({ kind: 'loaded', data: change(state.data) })
    },
  }
}
