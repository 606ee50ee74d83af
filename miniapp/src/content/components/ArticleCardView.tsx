import { View, Text } from '@tarojs/components'
import { cardMeta } from '../format'
import type { ArticleCard } from '../types'

/** One article in a list (科普 tab, related articles). Stable class names for the e2e tests. */
export default function ArticleCardView({ article, onOpen }: { article: ArticleCard; onOpen: (article: ArticleCard) => void }) {
  return (
    <View className='article-card' id={`article-card-${article.slug}`} hoverClass='article-card--pressed' onClick={() => onOpen(article)}>
      <Text className='article-card__title'>{article.title}</Text>
      {article.summary ? <Text className='article-card__summary'>{article.summary}</Text> : null}
      <Text className='article-card__meta'>{cardMeta(article)}</Text>
    </View>
  )
}
