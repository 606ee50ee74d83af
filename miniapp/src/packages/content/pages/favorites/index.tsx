import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import type { Favorite } from '../../../../content/types'
import { listFavorites, removeFavorite } from '../../../../services/api'
import { useSession } from '../../../../services/app-session'
import { userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import '../../../../content/content.css'
import '../../content.css'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'loaded'; articles: Favorite[]; tracks: Favorite[] } | { kind: 'error'; message: string }

function open(item: Favorite): void {
  if (item.kind === 'article') openRoute('article', { slug: item.target })
  else openRoute('player', { id: item.target })
}

function Section({ title, items, onRemove }: { title: string; items: Favorite[]; onRemove: (item: Favorite) => void }) {
  if (items.length === 0) return null
  return (
    <View className='favorites-section'>
      <Text className='favorites-section__title'>{title}</Text>
      {items.map((item) => (
        <View key={`${item.kind}:${item.id}`} className={`favorite-item favorite-item--${item.kind}`}>
          <View className='favorite-item__body' hoverClass='favorite-item__body--pressed' onClick={() => open(item)}>
            <Text className='favorite-item__title'>{item.title}</Text>
            {item.subtitle ? <Text className='favorite-item__subtitle'>{item.subtitle}</Text> : null}
          </View>
          <View className='favorite-item__remove' hoverClass='favorite-item__remove--pressed' onClick={() => onRemove(item)}>
            <Text>取消收藏</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

export default function FavoritesPage() {
  const elder = useElderMode()
  const { status } = useSession()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })

  const refresh = useCallback(async () => {
    try {
      const [articles, tracks] = await Promise.all([listFavorites('article'), listFavorites('track')])
      setLoad({ kind: 'loaded', articles, tracks })
    } catch (error) {
      setLoad({ kind: 'error', message: userMessage(error) })
    }
  }, [])

  useEffect(() => {
    if (status === 'ready') void refresh()
  }, [status, refresh])
  useDidShow(() => {
    if (status === 'ready' && load.kind !== 'loading') void refresh()
  })

  const remove = async (item: Favorite) => {
    try {
      await removeFavorite(item.kind, item.id)
      void Taro.showToast({ title: '已取消收藏', icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: userMessage(error), icon: 'none' })
    }
    await refresh()
  }

  let body
  if (status === 'failed') {
    body = (
      <View className='card content-state favorites-signin'>
        <Text className='content-state__text'>登录后才能看到收藏。可以到「我的」页面重新登录。</Text>
        <View className='content-button content-button--secondary' hoverClass='content-button--pressed' onClick={() => openRoute('me')}>
          <Text>去「我的」</Text>
        </View>
      </View>
    )
  } else if (status !== 'ready' || load.kind === 'loading') {
    body = (
      <View className='card content-state'>
        <Text className='content-state__text'>正在加载…</Text>
      </View>
    )
  } else if (load.kind === 'error') {
    body = (
      <View className='card content-state favorites-error'>
        <Text className='content-state__text'>{load.message}</Text>
        <View className='content-button favorites-retry' hoverClass='content-button--pressed' onClick={() => void refresh()}>
          <Text>点此重试</Text>
        </View>
      </View>
    )
  } else if (load.articles.length === 0 && load.tracks.length === 0) {
    body = (
      <View className='card content-state favorites-empty'>
        <Text className='content-state__text'>还没有收藏。读到或听到喜欢的内容，点「收藏」就会放在这里。</Text>
        <View className='content-button content-button--secondary' hoverClass='content-button--pressed' onClick={() => openRoute('articles')}>
          <Text>去看看科普文章</Text>
        </View>
      </View>
    )
  } else {
    body = (
      <>
        <Section title='文章' items={load.articles} onRemove={(item) => void remove(item)} />
        <Section title='放松音频' items={load.tracks} onRemove={(item) => void remove(item)} />
      </>
    )
  }

  return <View className={withElderClass('page favorites-page', elder)}>{body}</View>
}
