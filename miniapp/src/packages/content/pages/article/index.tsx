import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Button, RichText, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { articleHtml, contentCache, useElderMode } from '../../../../content/app-content'
import ArticleCardView from '../../../../content/components/ArticleCardView'
import OfflineNote from '../../../../content/components/OfflineNote'
import { withElderClass } from '../../../../content/elder-mode'
import { articleMeta } from '../../../../content/format'
import { loadWithCache } from '../../../../content/offline-cache'
import type { ArticleCard, ArticleDetail, Reference } from '../../../../content/types'
import { useFavorite } from '../../../../content/use-favorite'
import { PSY_HOTLINE_PHONE } from '../../../../data/hotlines'
import { PLATFORM } from '../../../../env'
import { routeUrl } from '../../../../routes'
import { getArticle, recordArticleView } from '../../../../services/api'
import { ApiError, userMessage } from '../../../../services/errors'
import { openRoute, replaceRoute } from '../../../../services/navigation'
import '../../../../content/content.css'
import '../../content.css'
import './index.css'

type Load =
  | { kind: 'loading' }
  | { kind: 'loaded'; article: ArticleDetail; offline: boolean }
  | { kind: 'error'; message: string; notFound: boolean }

/** WeChat keeps at most 10 pages; reading related after related must not hit that wall. */
const MAX_STACK = 8

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function copyText(data: string, done: string): void {
  Taro.setClipboardData({ data }).then(
    () => void Taro.showToast({ title: done, icon: 'none' }),
    () => void Taro.showToast({ title: '没有复制成功，请稍后再试', icon: 'none' }),
  )
}

function References({ items }: { items: Reference[] }) {
  if (items.length === 0) return null
  return (
    <View className='article-references'>
      <Text className='article-section-title'>参考资料</Text>
      {items.map((ref, i) => (
        <View key={`${i}-${ref.text}`} className='article-reference'>
          <Text className='article-reference__text'>{`${i + 1}. ${ref.text}`}</Text>
          {ref.url ? (
            <Text className='article-reference__link' onClick={() => copyText(ref.url ?? '', '链接已复制')}>
              {ref.url}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

export default function ArticlePage() {
  const elder = useElderMode()
  const slug = safeDecode(useRouter().params.slug ?? '')
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const counted = useRef<string | null>(null)

  const fetchArticle = useCallback(async () => {
    if (!slug) {
      setLoad({ kind: 'error', message: '没有找到这篇文章', notFound: true })
      return
    }
    setLoad({ kind: 'loading' })
    try {
      const loaded = await loadWithCache(
        () => getArticle(slug),
        (article) => contentCache.saveArticle(article),
        () => contentCache.article(slug),
      )
      setLoad({ kind: 'loaded', article: loaded.value, offline: loaded.offline })
    } catch (error) {
      const notFound = error instanceof ApiError && error.status === 404
      setLoad({ kind: 'error', message: notFound ? '这篇文章现在看不到了，可能已经下线。' : userMessage(error), notFound })
    }
  }, [slug])

  useEffect(() => {
    void fetchArticle()
  }, [fetchArticle])

  const article = load.kind === 'loaded' ? load.article : null
  const online = load.kind === 'loaded' && !load.offline

  // One view per opening of the page, only for an article that really came from the server.
  useEffect(() => {
    if (!article || !online || counted.current === article.slug) return
    counted.current = article.slug
    recordArticleView(article.slug).catch(() => {
      // A lost count is not the reader's problem.
    })
  }, [article, online])

  useShareAppMessage(() => ({
    title: article?.title ?? '心安驿站 · 心理科普',
    path: routeUrl('article', { slug }),
  }))

  const favorite = useFavorite('article', article?.id ?? null, article?.slug ?? null)
  const html = useMemo(() => (article ? articleHtml(article.html) : ''), [article])

  const openRelated = (card: ArticleCard) => {
    if (Taro.getCurrentPages().length >= MAX_STACK) replaceRoute('article', { slug: card.slug })
    else openRoute('article', { slug: card.slug })
  }

  let body
  if (load.kind === 'loading') {
    body = (
      <View className='article-loading'>
        <View className='skeleton-line skeleton-line--title' />
        <View className='skeleton-line' />
        <View className='skeleton-line' />
        <View className='skeleton-line skeleton-line--short' />
      </View>
    )
  } else if (load.kind === 'error') {
    body = (
      <View className='card content-state article-error'>
        <Text className='content-state__text'>{load.message}</Text>
        {load.notFound ? (
          <View className='content-button content-button--secondary' hoverClass='content-button--pressed' onClick={() => openRoute('articles')}>
            <Text>看看其他文章</Text>
          </View>
        ) : (
          <View className='content-button article-retry' hoverClass='content-button--pressed' onClick={() => void fetchArticle()}>
            <Text>点此重试</Text>
          </View>
        )}
      </View>
    )
  } else {
    const a = load.article
    body = (
      <View className='article'>
        {load.offline ? <OfflineNote /> : null}
        <Text className='article-title'>{a.title}</Text>
        <Text className='article-meta'>{articleMeta(a)}</Text>
        <RichText className='article-body' nodes={html} />
        <View className='article-actions'>
          <View
            className={`content-button content-button--secondary favorite-toggle${favorite.on ? ' favorite-toggle--on' : ''}`}
            hoverClass='content-button--pressed'
            onClick={favorite.toggle}
          >
            <Text>{favorite.on ? '♥ 已收藏' : '♡ 收藏'}</Text>
          </View>
          {PLATFORM === 'weapp' ? (
            <Button className='content-button content-button--secondary article-share' openType='share'>
              分享给朋友
            </Button>
          ) : (
            <View
              className='content-button content-button--secondary article-share'
              hoverClass='content-button--pressed'
              onClick={() => copyText(window.location.href, '链接已复制，可以发给朋友')}
            >
              <Text>复制链接</Text>
            </View>
          )}
        </View>
        <References items={a.references} />
        {a.related.length > 0 ? (
          <View className='article-related'>
            <Text className='article-section-title'>相关文章</Text>
            {a.related.map((card) => (
              <ArticleCardView key={card.id} article={card} onOpen={openRelated} />
            ))}
          </View>
        ) : null}
      </View>
    )
  }

  return (
    <View className={withElderClass('page article-page', elder)}>
      {body}
      <View className='article-help' hoverClass='content-button--pressed' onClick={() => openRoute('hotline')}>
        <Text>读完心里不舒服？心理援助热线 {PSY_HOTLINE_PHONE}，随时可以打。</Text>
      </View>
    </View>
  )
}
