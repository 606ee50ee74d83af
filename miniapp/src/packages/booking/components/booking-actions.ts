/** Cancel and reschedule, shared by 我的预约 and the booking detail page. */
import Taro from '@tarojs/taro'
import { cancelMyBooking } from '../../../booking/api'
import { chinaDateOf, formatSession } from '../../../booking/china-time'
import { bookingErrorMessage } from '../../../booking/errors'
import type { BookingView } from '../../../booking/types'
import { ApiError } from '../../../services/errors'
import { openRoute } from '../../../services/navigation'
import { asResident, callStation, confirmDialog, errorText, toast } from './resident'

/** Asks first; returns the cancelled booking, or null when kept or refused (the reason has been shown). */
export async function cancelWithConfirm(booking: BookingView): Promise<BookingView | null> {
  const ok = await confirmDialog(
    '取消这次预约？',
    `${formatSession(booking.start, booking.end)}，${booking.stationName}。取消后，这个时间会让给其他需要的人。`,
    '确认取消',
  )
  if (!ok) return null
  try {
    const cancelled = await asResident(() => cancelMyBooking(booking.id))
    toast('已取消这次预约')
    return cancelled
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BOOKING_CANCEL_WINDOW_PASSED' && booking.stationPhone) {
      const call = await confirmDialog('请直接联系驿站', bookingErrorMessage(error), '打电话', '知道了')
      if (call) callStation(booking.stationPhone)
    } else {
      void Taro.showModal({ title: '没有取消成功', content: errorText(error), showCancel: false, confirmText: '知道了' })
    }
    return null
  }
}

/** The slots page in reschedule mode: same station and service, opening on the booking's current day. */
export function openReschedule(booking: BookingView): void {
  openRoute('bookingSlots', {
    mode: 'reschedule',
    bookingId: booking.id,
    stationId: booking.stationId,
    service: booking.service,
    counselorId: booking.counselorId,
    date: chinaDateOf(booking.start),
    start: booking.start,
  })
}
