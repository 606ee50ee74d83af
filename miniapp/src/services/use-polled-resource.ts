/**
 * A page's polled resource (polled-resource.ts) tied to the page: starts when the page mounts with `enabled` (e.g.
 * signed in) and again each time it is shown, stops when it is hidden, unmounted or no longer enabled.
 */
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createPolledResource, type PolledState } from './polled-resource'

export type { PolledState } from './polled-resource'

export interface PolledResourceConfig<T> {
  /** Load only while this holds (typically: the resident is signed in). */
  enabled: boolean
  errorMessage: (error: unknown) => string
  /** Poll while the page is on screen; omitted: load on open, on show and on refresh() only. Read once. */
  intervalMs?: number
  pollWhile?: (data: T) => boolean
}

export interface PolledResourceHandle<T> {
  state: PolledState<T>
  /** Loads again (重试, or after an action). Never rejects. */
  refresh: () => Promise<void>
  /** Changes the loaded data at once, e.g. an optimistic update before refresh(). */
  update: (change: (data: T) => T) => void
}

export function usePolledResource<T>(load: () => Promise<T>, config: PolledResourceConfig<T>): PolledResourceHandle<T> {
  // The page passes new closures each render; the resource always calls the latest ones.
  const latest = useRef({ load, config })
  latest.current = { load, config }

  const [resource] = useState(() =>
    createPolledResource<T>({
      load: () => latest.current.load(),
      errorMessage: (error) => latest.current.config.errorMessage(error),
      intervalMs: config.intervalMs,
      pollWhile: (data) => latest.current.config.pollWhile?.(data) ?? true,
    }),
  )
  const state = useSyncExternalStore(resource.subscribe, resource.getState, resource.getState)

  const { enabled } = config
  useEffect(() => {
    if (!enabled) return
    resource.start()
    return resource.stop
  }, [enabled, resource])
  // start() does nothing when the mount above already started it, so the first show does not load twice.
  useDidShow(() => {
    if (latest.current.config.enabled) resource.start()
  })
  useDidHide(resource.stop)

  return { state, refresh: resource.refresh, update: resource.update }
}
