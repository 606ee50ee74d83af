import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Input, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import CrisisEntry from '../../components/CrisisEntry'
import { cachedListKey, contentCache, useElderMode } from '../../content/app-content'
import {
  ALL_CATEGORIES,
  MAX_QUERY_LENGTH,
  footerText,
  hasMore,
  initialListState,
  normalizeQuery,
  receiveError,
  receivePage,
  startFirstPage,
  startNextPage,
  type ArticleFilter,
  type ArticleListState,
} from '../../content/article-list'
import ArticleCardView from '../../content/components/ArticleCardView'
import OfflineNote from '../../content/components/OfflineNote'
import { debounce } from '../../content/debounce'
import { withElderClass } from '../../content/elder-mode'
import { loadWithCache } from '../../content/offline-cache'
import { ARTICLE_CATEGORIES, type ArticleCard } from '../../content/types'
import { listArticleCategories, listArticles } from '../../services/api'
import { userMessage } from '../../services/errors'
import { openRoute } from '../../services/navigation'
import '../../content/content.css'
import './index.css'

const SEARCH_DELAY_MS = 400

function Skeleton() {
  return (
    <View className='article-skeleton'>
      {[0, 1, 2].map((i) => (
        <View key={i} className='skeleton-card'>
          <View className='skeleton-line skeleton-line--title' />
          <View className='skeleton-line' />
          <View className='skeleton-line skeleton-line--short' />
        </View>
      ))}
    </View>
  )
}

export default function ArticlesPage() {
  const elder = useElderMode()
  const [categories, setCategories] = useState<string[]>([...ARTICLE_CATEGORIES])
  const [input, setInput] = useState('')
  // The list lives in a ref as well: async answers are folded into the latest state, never a stale closure.
  const listRef = useRef<ArticleListState>(initialListState())
  const [list, setList] = useState<ArticleListState>(listRef.current)
  const commit = useCallback((next: ArticleListState) => {
    listRef.current = next
    setList(next)
  }, [])

  const load = useCallback(
    async (filter: ArticleFilter, refresh = false) => {
      const [next, request] = startFirstPage(listRef.current, filter, refresh)
      commit(next)
      const key = cachedListKey(filter)
      try {
        const loaded = await loadWithCache(
          () => listArticles(filter, 1),
          (page) => {
            if (key) contentCache.saveArticleList(key, page)
          },
          () => (key ? contentCache.articleList(key) : null),
        )
        commit(receivePage(listRef.current, request, loaded.value, loaded.offline))
      } catch (error) {
        const after = receiveError(listRef.current, request, userMessage(error))
        commit(after)
        if (refresh && after.status === 'ready') void Taro.showToast({ title: after.error ?? '没有刷新成功', icon: 'none' })
      } finally {
        if (refresh) Taro.stopPullDownRefresh()
      }
    },
    [commit],
  )

  const loadMore = useCallback(async () => {
    const step = startNextPage(listRef.current)
    if (!step) return
    const [next, request] = step
    commit(next)
    try {
      commit(receivePage(listRef.current, request, await listArticles(request.filter, request.page)))
    } catch (error) {
      commit(receiveError(listRef.current, request, userMessage(error)))
    }
  }, [commit])

  useEffect(() => {
    void load(listRef.current.filter)
    listArticleCategories().then(
      (items) => {
        const names = items.map((c) => c.name)
        if (names.length > 0) setCategories(names)
      },
      () => {
        // The fixed list stays; the tabs still work.
      },
    )
  }, [load])

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void load(listRef.current.filter, true)
  })

  const search = useMemo(
    () =>
      debounce((q: string) => {
        const current = listRef.current.filter
        if (normalizeQuery(q) === normalizeQuery(current.q)) return
        void load({ category: current.category, q })
      }, SEARCH_DELAY_MS),
    [load],
  )
  useEffect(() => () => search.cancel(), [search])

  const onInput = (value: string) => {
    setInput(value)
    search(value)
  }
  const clearSearch = () => {
    setInput('')
    search.cancel()
    if (listRef.current.filter.q) void load({ category: listRef.current.filter.category, q: '' })
  }
  const chooseCategory = (category: string) => {
    search.cancel()
    if (category === listRef.current.filter.category && normalizeQuery(input) === normalizeQuery(listRef.current.filter.q)) return
    void load({ category, q: input })
  }
  const openArticle = (article: ArticleCard) => openRoute('article', { slug: article.slug })

  const searching = normalizeQuery(list.filter.q) !== ''
  let body
  if (list.status === 'loading') {
    body = <Skeleton />
  } else if (list.status === 'error') {
    body = (
      <View className='card content-state article-error'>
        <Text className='content-state__text'>文章暂时没有加载出来：{list.error}</Text>
        <View className='content-button article-retry' hoverClass='content-button--pressed' onClick={() => void load(list.filter)}>
          <Text>点此重试</Text>
        </View>
      </View>
    )
  } else if (list.items.length === 0) {
    body = (
      <View className='card content-state article-empty'>
        <Text className='content-state__text'>{searching ? '还没有相关文章，换个词试试' : '这个分类还没有文章，去看看别的分类吧'}</Text>
      </View>
    )
  } else {
    const footer = footerText(list)
    body = (
      <View className='article-list'>
        {list.items.map((article) => (
          <ArticleCardView key={article.id} article={article} onOpen={openArticle} />
        ))}
        {footer ? (
          <View
            className={`content-footer article-more${list.status === 'more-error' ? ' article-more--error' : ''}`}
            onClick={() => {
              if (list.status === 'more-error' || hasMore(list)) void loadMore()
            }}
          >
            <Text>{footer}</Text>
          </View>
        ) : null}
      </View>
    )
  }

  const tabs = [ALL_CATEGORIES, ...categories]
  return (
    <View className={withElderClass('page articles', elder)}>
      <CrisisEntry />
      <Text className='page-title'>心理科普</Text>
      <View className='article-search'>
        <Input
          className='article-search__input'
          type='text'
          confirmType='search'
          value={input}
          maxlength={MAX_QUERY_LENGTH}
          placeholder='搜一搜：失眠、焦虑、考试…'
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={() => search.flush()}
        />
        {input ? (
          <View className='article-search__clear' hoverClass='article-search__clear--pressed' onClick={clearSearch}>
            <Text>清除</Text>
          </View>
        ) : null}
      </View>
      <ScrollView className='article-tabs' scrollX enhanced showScrollbar={false}>
        <View className='article-tabs__row'>
          {tabs.map((name) => (
            <View
              key={name}
              className={`content-chip article-tab${name === list.filter.category ? ' content-chip--on article-tab--on' : ''}`}
              onClick={() => chooseCategory(name)}
            >
              <Text>{name}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {list.offline ? <OfflineNote /> : null}
      {body}
      <Text className='footnote'>文章都经过专业人员审核。读着觉得难受，随时可以停下来。</Text>
    </View>
  )
}
