import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { getMyBooking } from '../../../../booking/api'
import { formatDateTime, formatSession } from '../../../../booking/china-time'
import { serviceLabel } from '../../../../booking/slots'
import { isUpcoming } from '../../../../booking/status'
import type { BookingView } from '../../../../booking/types'
import { session, useSession } from '../../../../services/app-session'
import { openRoute } from '../../../../services/navigation'
import { usePolledResource } from '../../../../services/use-polled-resource'
import { reasonText, stars } from '../../components/BookingItem'
import RatingForm from '../../components/RatingForm'
import StatusTag from '../../components/StatusTag'
import { cancelWithConfirm, openReschedule } from '../../components/booking-actions'
import { asResident, callStation, errorText } from '../../components/resident'
import '../../booking.css'
import './index.css'

const POLL_MS = 10_000

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`detail-row${className ? ` ${className}` : ''}`}>
      <Text className='detail-row__label'>{label}</Text>
      <Text className='detail-row__value'>{value}</Text>
    </View>
  )
}

/**
 * One booking (`?id=`). WeChat subscribe messages open this page, so it must work as the first page of a
 * launch: it waits for sign-in, and refreshes on show and while the station has yet to act.
 */
export default function BookingDetailPage() {
  const id = useRouter().params.id ?? ''
  const elder = useElderMode()
  const { status } = useSession()
  const [rating, setRating] = useState(false)
  const { state: load, refresh, update } = usePolledResource(() => asResident(() => getMyBooking(id)), {
    enabled: status === 'ready' && id !== '',
    errorMessage: errorText,
    intervalMs: POLL_MS,
    pollWhile: (booking: BookingView) => isUpcoming(booking, new Date()),
  })

  const root = withElderClass('page booking-detail', elder)
  if (status === 'failed') {
    return (
      <View className={root}>
        <View className='card'>
          <Text className='card-text'>暂时无法登录，登录后才能看到这个预约。</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void session.start()}>
            <Text>重新登录</Text>
          </View>
        </View>
      </View>
    )
  }
  if (id === '' || load.kind === 'error') {
    return (
      <View className={root}>
        <View className='card'>
          <Text className='card-text'>{load.kind === 'error' ? load.message : '没有找到这个预约'}</Text>
          {id === '' ? null : (
            <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void refresh()}>
              <Text>重试</Text>
            </View>
          )}
          <View className='booking-button booking-button--quiet' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMine')}>
            <Text>我的预约</Text>
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

  const booking = load.data
  const cancel = async () => {
    const cancelled = await cancelWithConfirm(booking)
    if (cancelled) update(() => cancelled)
    void refresh()
  }

  return (
    <View className={root}>
      <View className={`card booking-detail__card booking-detail__card--${booking.status}`}>
        <View className='booking-item__head'>
          <Text className='booking-item__time'>{formatSession(booking.start, booking.end)}</Text>
          <StatusTag status={booking.status} />
        </View>
        <Text className='booking-item__hint'>{reasonText(booking)}</Text>
      </View>

      <View className='card'>
        <Row label='驿站' value={booking.stationName} />
        {booking.stationAddress ? <Row label='地址' value={booking.stationAddress} /> : null}
        <Row label='服务' value={serviceLabel(booking.service)} />
        <Row label='咨询师' value={booking.counselorName} />
        {booking.seat ? <Row label='座位' value={`${booking.seat} 号`} /> : null}
        <Row label='联系人' value={`${booking.contact.name} ${booking.contact.phone}`} />
        {booking.forOther ? (
          <Row label='来咨询的人' className='detail-row--for-other' value={`${booking.forOther.name}（你的${booking.forOther.relationship}）${booking.forOther.phone}`} />
        ) : null}
        {booking.topic ? <Row label='想聊的话题' className='detail-row--topic' value={booking.topic} /> : null}
        <Row label='提交时间' value={formatDateTime(booking.createdAt)} />
        {booking.topic ? <Text className='booking-muted'>话题只有你和驿站能看到，不会出现在通知里。</Text> : null}
      </View>

      {booking.rating ? (
        <View className='card booking-detail__rating'>
          <Text className='card-text'>{`你的评价：${stars(booking.rating.score)}`}</Text>
          {booking.rating.comment ? <Text className='card-text'>{booking.rating.comment}</Text> : null}
        </View>
      ) : null}

      <View className='booking-detail__actions'>
        {booking.canRate && !booking.rating ? (
          rating ? (
            <View className='card'>
              <RatingForm
                bookingId={booking.id}
                onRated={(score, comment) => {
                  setRating(false)
                  update((current) => ({ ...current, rating: { score, comment }, canRate: false }))
                  void refresh()
                }}
              />
            </View>
          ) : (
            <View className='booking-button booking-rate' hoverClass='booking-button--pressed' onClick={() => setRating(true)}>
              <Text>评价这次咨询</Text>
            </View>
          )
        ) : null}
        {booking.canReschedule ? (
          <View className='booking-button booking-button--secondary booking-reschedule' hoverClass='booking-button--pressed' onClick={() => openReschedule(booking)}>
            <Text>改期</Text>
          </View>
        ) : null}
        {booking.canCancel ? (
          <View className='booking-button booking-button--secondary booking-cancel' hoverClass='booking-button--pressed' onClick={() => void cancel()}>
            <Text>取消预约</Text>
          </View>
        ) : null}
        {booking.stationPhone ? (
          <View className='booking-button booking-button--quiet booking-call' hoverClass='booking-button--pressed' onClick={() => callStation(booking.stationPhone)}>
            <Text>{`打电话给驿站 ${booking.stationPhone}`}</Text>
          </View>
        ) : null}
        <View className='booking-button booking-button--quiet booking-detail__mine' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMine')}>
          <Text>我的全部预约</Text>
        </View>
      </View>
    </View>
  )
}
