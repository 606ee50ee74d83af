import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { PLATFORM } from '../../../../env'
import { getMyBooking, getSubscribeTemplates } from '../../../../booking/api'
import { formatSession } from '../../../../booking/china-time'
import { serviceLabel } from '../../../../booking/slots'
import { statusHint } from '../../../../booking/status'
import { bookingTemplateIds, SUBSCRIBE_MESSAGES, subscribeOutcome } from '../../../../booking/subscribe'
import type { BookingView, SubscribeTemplates } from '../../../../booking/types'
import { openRoute } from '../../../../services/navigation'
import StatusTag from '../../components/StatusTag'
import { asResident } from '../../components/resident'
import '../../booking.css'
import './index.css'

/**
 * After a booking: what was booked, that the station still confirms it, and "添加提醒" — the WeChat subscribe
 * request, which must come straight from the tap (so the template ids are fetched beforehand).
 */
export default function BookingSuccessPage() {
  const id = useRouter().params.id ?? ''
  const elder = useElderMode()
  const [booking, setBooking] = useState<BookingView | null>(null)
  const [templates, setTemplates] = useState<SubscribeTemplates | null>(null)
  const [remind, setRemind] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })

  useEffect(() => {
    if (!id) return
    asResident(() => getMyBooking(id)).then(setBooking, () => setBooking(null))
    if (PLATFORM === 'weapp') getSubscribeTemplates().then(setTemplates, () => setTemplates(null))
  }, [id])

  const ids = bookingTemplateIds(templates)
  const canRemind = PLATFORM === 'weapp' && ids.length > 0

  const addReminder = () => {
    if (remind.busy) return
    setRemind({ busy: true, message: null })
    Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
      (answer) => setRemind({ busy: false, message: SUBSCRIBE_MESSAGES[subscribeOutcome(answer as unknown as Record<string, unknown>, ids)] }),
      () => setRemind({ busy: false, message: SUBSCRIBE_MESSAGES.failed }),
    )
  }

  return (
    <View className={withElderClass('page booking-done', elder)}>
      <View className='card booking-success'>
        <Text className='booking-success__icon'>✓</Text>
        <Text className='booking-success__title'>预约已提交</Text>
        {booking ? (
          <View className='booking-success__summary'>
            <Text className='booking-success__time'>{formatSession(booking.start, booking.end)}</Text>
            <Text className='booking-success__line'>{booking.stationName}</Text>
            <Text className='booking-success__line'>{`${serviceLabel(booking.service)} · ${booking.counselorName}`}</Text>
            {booking.stationAddress ? <Text className='booking-success__line'>{`地址：${booking.stationAddress}`}</Text> : null}
            <View className='booking-success__status'>
              <StatusTag status={booking.status} />
              <Text className='booking-success__hint'>{statusHint(booking.status)}</Text>
            </View>
          </View>
        ) : (
          <Text className='card-text'>驿站会尽快确认，确认后会通知你。</Text>
        )}
      </View>

      {canRemind ? (
        <View className='card booking-remind-card'>
          <Text className='card-text'>想在驿站确认、时间变化和开始前一天收到微信提醒吗？提醒里只有“心理咨询预约”、时间和驿站名称。</Text>
          {remind.message ? (
            <Text className='booking-notice booking-remind__result'>{remind.message}</Text>
          ) : (
            <View className={`booking-button booking-remind${remind.busy ? ' booking-button--disabled' : ''}`} hoverClass='booking-button--pressed' onClick={addReminder}>
              <Text>添加提醒</Text>
            </View>
          )}
        </View>
      ) : (
        <Text className='booking-notice booking-success__messages'>预约的进展会出现在「我的 → 消息」里。</Text>
      )}

      <View className='booking-button booking-button--secondary booking-success__detail' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingDetail', { id })}>
        <Text>查看预约详情</Text>
      </View>
      <View className='booking-button booking-button--secondary booking-success__mine' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMine')}>
        <Text>我的预约</Text>
      </View>
      <View className='booking-button booking-button--quiet booking-success__home' hoverClass='booking-button--pressed' onClick={() => openRoute('home')}>
        <Text>回到首页</Text>
      </View>
    </View>
  )
}
