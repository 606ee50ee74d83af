/**
 * The 收藏 toggle of an article or a track. Needs a signed-in resident (favorites are kept on the server so
 * they follow the person); without one the toggle says so instead of pretending. Optimistic: the heart flips
 * at once and flips back with a message if the server refuses.
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { addFavorite, listFavorites, removeFavorite } from '../services/api'
import { useSession } from '../services/app-session'
import { userMessage } from '../services/errors'
import type { FavoriteKind } from './types'

export const SIGN_IN_TO_FAVORITE = '登录后才能收藏，可以到「我的」页面重新登录'

export interface FavoriteToggle {
  on: boolean
  busy: boolean
  toggle(): void
}

/** `id` is what PUT/DELETE take; `target` (slug / track id) also matches a listed favorite. */
export function useFavorite(kind: FavoriteKind, id: string | null, target: string | null): FavoriteToggle {
  const { status } = useSession()
  const [on, setOn] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (status !== 'ready' || !id) return
    let current = true
    listFavorites(kind).then(
      (items) => {
        if (current) setOn(items.some((f) => f.id === id || (target !== null && f.target === target)))
      },
      () => {
        // Unknown: shown as not saved; tapping saves it (PUT is idempotent).
      },
    )
    return () => {
      current = false
    }
  }, [status, kind, id, target])

  const toggle = useCallback(() => {
    if (!id || busy) return
    if (status !== 'ready') {
      void Taro.showToast({ title: SIGN_IN_TO_FAVORITE, icon: 'none', duration: 2500 })
      return
    }
    const next = !on
    setOn(next)
    setBusy(true)
    ;(next ? addFavorite(kind, id) : removeFavorite(kind, id)).then(
      () => {
        setBusy(false)
        void Taro.showToast({ title: next ? '已收藏' : '已取消收藏', icon: 'none' })
      },
      (error: unknown) => {
        setOn(!next)
        setBusy(false)
        void Taro.showToast({ title: userMessage(error), icon: 'none' })
      },
    )
  }, [id, busy, status, on, kind])

  return { on, busy, toggle }
}
