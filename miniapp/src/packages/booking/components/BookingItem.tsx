import { Text, View } from '@tarojs/components'
import { formatSession } from '../../../booking/china-time'
import { serviceLabel } from '../../../booking/slots'
import { statusHint } from '../../../booking/status'
import type { BookingView } from '../../../booking/types'
import { openRoute } from '../../../services/navigation'
import RatingForm from './RatingForm'
import StatusTag from './StatusTag'
import { openReschedule } from './booking-actions'

export function stars(score: number): string {
  const n = Math.max(0, Math.min(5, Math.round(score)))
  return '★'.repeat(n) + '☆'.repeat(5 - n)
}

/** Who, where and when of one booking, one line each. */
export function BookingLines({ booking }: { booking: BookingView }) {
  const seat = booking.seat ? ` · ${booking.seat} 号座位` : ''
  return (
    <View className='booking-lines'>
      <Text className='booking-item__line booking-item__station'>{booking.stationName}</Text>
      <Text className='booking-item__line'>{`${serviceLabel(booking.service)} · ${booking.counselorName}${seat}`}</Text>
      {booking.forOther ? (
        <Text className='booking-item__line booking-item__for-other'>{`替${booking.forOther.relationship}预约：${booking.forOther.name}`}</Text>
      ) : null}
    </View>
  )
}

export function reasonText(booking: BookingView): string {
  if (booking.status === 'cancelled_by_station' && booking.cancelReason) return `驿站取消了这次预约：${booking.cancelReason}`
  return statusHint(booking.status)
}

interface Props {
  booking: BookingView
  rating: boolean
  onCancel(booking: BookingView): void
  onToggleRating(booking: BookingView): void
  onRated(booking: BookingView, score: number, comment: string): void
}

/** One row of 我的预约, with the actions its state allows (the API says which: canCancel, canReschedule, canRate). */
export default function BookingItem({ booking, rating, onCancel, onToggleRating, onRated }: Props) {
  const open = () => openRoute('bookingDetail', { id: booking.id })
  return (
    <View className={`booking-item booking-item--${booking.status}`} id={`booking-${booking.id}`}>
      <View className='booking-item__head' onClick={open}>
        <Text className='booking-item__time'>{formatSession(booking.start, booking.end)}</Text>
        <StatusTag status={booking.status} />
      </View>
      <View onClick={open}>
        <BookingLines booking={booking} />
        <Text className='booking-item__hint'>{reasonText(booking)}</Text>
        {booking.rating ? <Text className='booking-item__line booking-item__rating'>{`你的评价：${stars(booking.rating.score)}`}</Text> : null}
      </View>
      <View className='booking-item__actions'>
        <View className='booking-button booking-button--quiet booking-button--small booking-open' hoverClass='booking-button--pressed' onClick={open}>
          <Text>详情</Text>
        </View>
        {booking.canReschedule ? (
          <View className='booking-button booking-button--secondary booking-button--small booking-reschedule' hoverClass='booking-button--pressed' onClick={() => openReschedule(booking)}>
            <Text>改期</Text>
          </View>
        ) : null}
        {booking.canCancel ? (
          <View className='booking-button booking-button--secondary booking-button--small booking-cancel' hoverClass='booking-button--pressed' onClick={() => onCancel(booking)}>
            <Text>取消预约</Text>
          </View>
        ) : null}
        {booking.canRate && !booking.rating ? (
          <View className='booking-button booking-button--small booking-rate' hoverClass='booking-button--pressed' onClick={() => onToggleRating(booking)}>
            <Text>{rating ? '收起' : '评价'}</Text>
          </View>
        ) : null}
      </View>
      {rating && booking.canRate && !booking.rating ? (
        <RatingForm bookingId={booking.id} onRated={(score, comment) => onRated(booking, score, comment)} />
      ) : null}
    </View>
  )
}
