/** Calls `fn` once input has been quiet for `delayMs` (search as the reader types). Pure apart from timers. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void
  /** Runs a waiting call now (e.g. the keyboard's 搜索 key). */
  flush(): void
  cancel(): void
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: A | null = null
  const run = () => {
    timer = null
    const args = pending
    pending = null
    if (args) fn(...args)
  }
  const debounced = ((...args: A) => {
    pending = args
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(run, delayMs)
  }) as Debounced<A>
  debounced.flush = () => {
    if (timer !== null) clearTimeout(timer)
    run()
  }
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    pending = null
  }
  return debounced
}
