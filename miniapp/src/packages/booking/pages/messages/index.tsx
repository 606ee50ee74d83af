import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { listMessages, markAllMessagesRead, markMessageRead } from '../../../../booking/api'
import { formatDateTime } from '../../../../booking/china-time'
import { appendPage, markedRead, messageTarget, unreadBadge } from '../../../../booking/messages'
import type { MessageView } from '../../../../booking/types'
import { session, useSession } from '../../../../services/app-session'
import { openRoute } from '../../../../services/navigation'
import { usePolledResource } from '../../../../services/use-polled-resource'
import { asResident, errorText, toast } from '../../components/resident'
import '../../booking.css'
import './index.css'

const PAGE_SIZE = 20

interface MessageList {
  items: MessageView[]
  total: number
  page: number
  unread: number
  more: boolean
}

async function firstPage(): Promise<MessageList> {
  const page = await asResident(() => listMessages(1, PAGE_SIZE))
  return { items: page.items, total: page.total, page: 1, unread: page.unread, more: page.items.length < page.total }
}

/** 消息: what happened to the resident's bookings and activities, newest first; tap to read and open it. */
export default function BookingMessagesPage() {
  const elder = useElderMode()
  const { status } = useSession()
  const { state: load, refresh, update } = usePolledResource(firstPage, { enabled: status === 'ready', errorMessage: errorText })
  const loadingMore = useRef(false)

  const loadMore = async () => {
    if (load.kind !== 'loaded' || !load.data.more || loadingMore.current) return
    loadingMore.current = true
    try {
      const next = await asResident(() => listMessages(load.data.page + 1, PAGE_SIZE))
      update((current) => {
        const items = appendPage(current.items, next.items)
        return { ...current, items, page: current.page + 1, unread: next.unread, more: next.items.length > 0 && items.length < next.total }
      })
    } catch (error) {
      toast(errorText(error))
    } finally {
      loadingMore.current = false
    }
  }
  useReachBottom(() => void loadMore())

  const open = (message: MessageView) => {
    if (!message.read) {
      update((current) => {
        const { items, changed } = markedRead(current.items, message.id)
        return { ...current, items, unread: changed ? Math.max(0, current.unread - 1) : current.unread }
      })
      asResident(() => markMessageRead(message.id)).catch(() => undefined)
    }
    const target = messageTarget(message)
    if (target) openRoute(target.route, target.query)
  }

  const readAll = async () => {
    try {
      await asResident(() => markAllMessagesRead())
      update((current) => ({ ...current, unread: 0, items: current.items.map((m) => ({ ...m, read: true })) }))
    } catch (error) {
      toast(errorText(error))
    }
  }

  const root = withElderClass('page booking-messages', elder)
  if (status === 'failed') {
    return (
      <View className={root}>
        <View className='card'>
          <Text className='card-text'>暂时无法登录，登录后才能看到消息。</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void session.start()}>
            <Text>重新登录</Text>
          </View>
        </View>
      </View>
    )
  }
  if (load.kind === 'loading') {
    return (
      <View className={root}>
        <Text className='card-text'>正在加载…</Text>
      </View>
    )
  }
  if (load.kind === 'error') {
    return (
      <View className={root}>
        <View className='card'>
          <Text className='card-text'>{load.message}</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void refresh()}>
            <Text>重试</Text>
          </View>
        </View>
      </View>
    )
  }

  const { items, unread, more } = load.data
  const badge = unreadBadge(unread)
  return (
    <View className={root}>
      <View className='messages-head'>
        <Text className='messages-unread'>{badge ? `${badge} 条未读` : '没有未读消息'}</Text>
        {badge ? (
          <View className='messages-read-all' hoverClass='booking-button--pressed' onClick={() => void readAll()}>
            <Text>全部标为已读</Text>
          </View>
        ) : null}
      </View>
      {items.length === 0 ? (
        <View className='card messages-empty'>
          <Text className='card-text'>还没有消息。预约和活动有进展时，会在这里告诉你。</Text>
        </View>
      ) : (
        items.map((m) => (
          <View
            key={m.id}
            className={`message-item message-item--${m.kind}${m.read ? '' : ' message-item--unread'}`}
            hoverClass='station-card--pressed'
            onClick={() => open(m)}
          >
            <View className='message-item__head'>
              {m.read ? null : <View className='message-item__dot' />}
              <Text className='message-item__title'>{m.title}</Text>
              <Text className='message-item__time'>{formatDateTime(m.createdAt)}</Text>
            </View>
            <Text className='message-item__body'>{m.body}</Text>
          </View>
        ))
      )}
      {more ? (
        <View className='booking-button booking-button--quiet messages-more' hoverClass='booking-button--pressed' onClick={() => void loadMore()}>
          <Text>加载更多</Text>
        </View>
      ) : null}
    </View>
  )
}
