import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { getStation, rescheduleMyBooking } from '../../../../booking/api'
import { formatClock, formatDay, formatSession } from '../../../../booking/china-time'
import { confirmQuery, readParam } from '../../../../booking/confirm-query'
import { bookingErrorAction, bookingErrorMessage } from '../../../../booking/errors'
import { serviceLabel, type SlotChoice } from '../../../../booking/slots'
import type { StationDetail } from '../../../../booking/types'
import { openRoute } from '../../../../services/navigation'
import SlotPicker from '../../components/SlotPicker'
import { asResident, confirmDialog, toast } from '../../components/resident'
import '../../booking.css'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'loaded'; station: StationDetail } | { kind: 'error'; message: string }

/**
 * The time picker on its own page: `mode=reschedule&bookingId=` moves an existing booking (same station and
 * service; the station confirms the new time again); without a mode it books like the station page does.
 */
export default function BookingSlotsPage() {
  const params = useRouter().params
  const elder = useElderMode()
  const rescheduling = params.mode === 'reschedule' && !!params.bookingId
  const currentStart = readParam(params, 'start')
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [reloadKey, setReloadKey] = useState(0)
  const [busyKey, setBusyKey] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const shown = useRef(false)

  const loadStation = () => {
    const id = params.stationId ?? ''
    setLoad({ kind: 'loading' })
    getStation(id).then(
      (station) => setLoad({ kind: 'loaded', station }),
      (e: unknown) => setLoad({ kind: 'error', message: bookingErrorMessage(e) }),
    )
  }
  useEffect(loadStation, [params.stationId])
  useDidShow(() => {
    if (shown.current) setReloadKey((k) => k + 1)
    shown.current = true
  })

  const reschedule = async (choice: SlotChoice) => {
    if (busyKey || !params.bookingId) return
    const who = choice.counselorName ? `，${choice.counselorName}` : ''
    const ok = await confirmDialog('改到这个时间？', `${formatSession(choice.start, choice.end)}${who}。改期后需要驿站重新确认。`, '确认改期')
    if (!ok) return
    setBusyKey(choice.key)
    setError(null)
    try {
      await asResident(() => rescheduleMyBooking(params.bookingId!, choice.start, choice.counselorId))
      toast('已改到新的时间，等待驿站确认')
      setTimeout(() => void Taro.navigateBack().catch(() => openRoute('bookingDetail', { id: params.bookingId! })), 600)
    } catch (e) {
      setError(bookingErrorMessage(e))
      if (bookingErrorAction(e) === 'choose_another_slot') setReloadKey((k) => k + 1)
    } finally {
      setBusyKey(null)
    }
  }

  const choose = (choice: SlotChoice) => {
    if (load.kind !== 'loaded') return
    if (rescheduling) void reschedule(choice)
    else openRoute('bookingConfirm', confirmQuery(load.station, choice))
  }

  const root = withElderClass(`page booking-slots${rescheduling ? ' booking-slots--reschedule' : ''}`, elder)
  if (load.kind !== 'loaded') {
    return (
      <View className={root}>
        {load.kind === 'loading' ? (
          <Text className='card-text'>正在加载…</Text>
        ) : (
          <View className='card'>
            <Text className='card-text'>{load.message}</Text>
            <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={loadStation}>
              <Text>重试</Text>
            </View>
          </View>
        )}
      </View>
    )
  }

  const { station } = load
  return (
    <View className={root}>
      <View className='card'>
        <Text className='booking-section-title'>{station.name}</Text>
        {rescheduling && currentStart ? (
          <Text className='card-text slots-current'>{`现在约的是：${formatDay(currentStart)} ${formatClock(currentStart)}（${serviceLabel(params.service ?? '')}）。选一个新的时间，改期后驿站会重新确认。`}</Text>
        ) : null}
        {error ? <Text className='booking-error slots-error'>{error}</Text> : null}
        <SlotPicker
          station={station}
          mode={rescheduling ? 'reschedule' : 'book'}
          service={params.service}
          counselorId={params.counselorId}
          date={params.date}
          reloadKey={reloadKey}
          busyKey={busyKey}
          currentStart={rescheduling ? currentStart : null}
          onChoose={choose}
          onSwitchStation={rescheduling ? undefined : (overflow) => openRoute('bookingStation', { id: overflow.stationId, date: overflow.firstFreeDate ?? '' })}
        />
      </View>
    </View>
  )
}
