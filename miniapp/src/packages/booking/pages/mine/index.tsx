import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { listMyBookings, unreadMessageCount } from '../../../../booking/api'
import { unreadBadge } from '../../../../booking/messages'
import { splitBookings } from '../../../../booking/status'
import type { BookingView } from '../../../../booking/types'
import { session, useSession } from '../../../../services/app-session'
import { openRoute } from '../../../../services/navigation'
import { usePolledResource } from '../../../../services/use-polled-resource'
import BookingItem from '../../components/BookingItem'
import { cancelWithConfirm } from '../../components/booking-actions'
import { asResident, errorText } from '../../components/resident'
import '../../booking.css'
import './index.css'

type Tab = 'upcoming' | 'past'

/** A station's confirmation should show up while the resident looks at the list; one small GET per tick. */
const POLL_MS = 10_000

/** 我的预约: upcoming (soonest first) and past, with cancel, reschedule and rating; refreshed on show and every 10 s. */
export default function BookingMinePage() {
  const elder = useElderMode()
  const { status } = useSession()
  const [tab, setTab] = useState<Tab>('upcoming')
  const [ratingId, setRatingId] = useState<string | null>(null)
  const [unread, setUnread] = useState(0)
  const { state: load, refresh, update } = usePolledResource(
    () => {
      // The 消息 badge rides along with each load; it never holds up or fails the list.
      unreadMessageCount().then(setUnread, () => undefined)
      return asResident(() => listMyBookings('all'))
    },
    { enabled: status === 'ready', errorMessage: errorText, intervalMs: POLL_MS },
  )

  const replace = (next: BookingView) => update((items) => items.map((b) => (b.id === next.id ? next : b)))

  const cancel = async (booking: BookingView) => {
    const cancelled = await cancelWithConfirm(booking)
    if (cancelled) replace(cancelled)
    void refresh()
  }

  const rated = (booking: BookingView, score: number, comment: string) => {
    setRatingId(null)
    replace({ ...booking, rating: { score, comment }, canRate: false })
    void refresh()
  }

  let body
  if (status === 'failed') {
    body = (
      <View className='card'>
        <Text className='card-text'>暂时无法登录，登录后才能看到你的预约。</Text>
        <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void session.start()}>
          <Text>重新登录</Text>
        </View>
      </View>
    )
  } else if (load.kind === 'loading') {
    body = <Text className='card-text mine-loading'>正在加载…</Text>
  } else if (load.kind === 'error') {
    body = (
      <View className='card'>
        <Text className='card-text'>{load.message}</Text>
        <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void refresh()}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else {
    const { upcoming, past } = splitBookings(load.data, new Date())
    const shownItems = tab === 'upcoming' ? upcoming : past
    body = (
      <View>
        <View className='mine-tabs'>
          <View className={`mine-tab mine-tab--upcoming${tab === 'upcoming' ? ' mine-tab--selected' : ''}`} onClick={() => setTab('upcoming')}>
            <Text>{`即将到来（${upcoming.length}）`}</Text>
          </View>
          <View className={`mine-tab mine-tab--past${tab === 'past' ? ' mine-tab--selected' : ''}`} onClick={() => setTab('past')}>
            <Text>{`已结束（${past.length}）`}</Text>
          </View>
        </View>
        {shownItems.length === 0 ? (
          <View className='card booking-empty'>
            <Text className='card-text'>{tab === 'upcoming' ? '还没有即将到来的预约。' : '还没有已结束的预约。'}</Text>
            {tab === 'upcoming' ? (
              <View className='booking-button booking-empty__book' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingStations')}>
                <Text>预约咨询</Text>
              </View>
            ) : null}
          </View>
        ) : (
          shownItems.map((b) => (
            <BookingItem
              key={b.id}
              booking={b}
              rating={ratingId === b.id}
              onCancel={(x) => void cancel(x)}
              onToggleRating={(x) => setRatingId((id) => (id === x.id ? null : x.id))}
              onRated={rated}
            />
          ))
        )}
      </View>
    )
  }

  const badge = unreadBadge(unread)
  return (
    <View className={withElderClass('page booking-mine', elder)}>
      <View className='booking-links'>
        <View className='booking-link mine-messages' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMessages')}>
          <Text>消息</Text>
          {badge ? <Text className='booking-badge mine-messages__badge'>{badge}</Text> : null}
        </View>
        <View className='booking-link mine-book' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingStations')}>
          <Text>预约咨询</Text>
        </View>
      </View>
      {body}
    </View>
  )
}
