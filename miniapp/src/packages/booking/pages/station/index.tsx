import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { activitySeatsText, activityKindLabel } from '../../../../booking/activities'
import { getStation, listActivities } from '../../../../booking/api'
import { formatSession } from '../../../../booking/china-time'
import { confirmQuery } from '../../../../booking/confirm-query'
import { bookingErrorMessage } from '../../../../booking/errors'
import { serviceLabel, type SlotChoice } from '../../../../booking/slots'
import { levelLabel } from '../../../../booking/stations'
import type { ActivityView, CounselorView, Overflow, StationDetail } from '../../../../booking/types'
import { openRoute } from '../../../../services/navigation'
import SlotPicker from '../../components/SlotPicker'
import { callStation } from '../../components/resident'
import '../../booking.css'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'loaded'; station: StationDetail } | { kind: 'error'; message: string }

function CounselorCard({ counselor, onBook }: { counselor: CounselorView; onBook(): void }) {
  const rating = counselor.rating?.count ? `${counselor.rating.average ?? '-'} 分 · ${counselor.rating.count} 人评价` : ''
  return (
    <View className='counselor-card' id={`counselor-${counselor.id}`}>
      <View className='counselor-card__head'>
        <View className='counselor-card__who'>
          <Text className='counselor-card__name'>{counselor.name}</Text>
          <Text className='counselor-card__title'>{counselor.title}</Text>
        </View>
        {counselor.bookable ? (
          <View className='booking-button booking-button--secondary booking-button--small counselor-card__book' hoverClass='booking-button--pressed' onClick={onBook}>
            <Text>约TA</Text>
          </View>
        ) : (
          <Text className='booking-muted'>暂不可预约</Text>
        )}
      </View>
      {counselor.qualification ? (
        <Text className='counselor-card__line'>{`${counselor.qualification}${counselor.verified ? ' · 资质已核验' : ''}`}</Text>
      ) : null}
      {counselor.specialties?.length ? <Text className='counselor-card__line'>{`擅长：${counselor.specialties.join('、')}`}</Text> : null}
      {counselor.services?.length ? <Text className='counselor-card__line'>{`提供：${counselor.services.map(serviceLabel).join('、')}`}</Text> : null}
      {rating ? <Text className='counselor-card__line'>{rating}</Text> : null}
      {counselor.intro ? <Text className='counselor-card__intro'>{counselor.intro}</Text> : null}
    </View>
  )
}

/**
 * A station: its times first (the booking is what people came for), then who works there and what is on.
 * Tapping a free time opens the form; an all-full station offers the one above it without leaving the page.
 */
export default function BookingStationPage() {
  const params = useRouter().params
  const elder = useElderMode()
  const [stationId, setStationId] = useState(params.id ?? '')
  const [switchedFrom, setSwitchedFrom] = useState<string | null>(null)
  const [preferredDate, setPreferredDate] = useState<string | null>(params.date ?? null)
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [reloadKey, setReloadKey] = useState(0)
  const [preset, setPreset] = useState<{ counselorId: string; nonce: number } | null>(null)
  const [activities, setActivities] = useState<ActivityView[]>([])
  const shown = useRef(false)

  const loadStation = () => {
    if (!stationId) {
      setLoad({ kind: 'error', message: '没有找到这个驿站，请回到列表重新选择' })
      return
    }
    setLoad({ kind: 'loading' })
    getStation(stationId).then(
      (station) => {
        setLoad({ kind: 'loaded', station })
        void Taro.setNavigationBarTitle({ title: station.name }).catch(() => undefined)
      },
      (error: unknown) => setLoad({ kind: 'error', message: bookingErrorMessage(error) }),
    )
    listActivities({ stationId, pageSize: 3 }).then(
      (page) => setActivities(page.items.slice(0, 3)),
      () => setActivities([]),
    )
  }
  useEffect(loadStation, [stationId])

  // Back from the form (slot taken, or booked): the times may have changed.
  useDidShow(() => {
    if (shown.current) setReloadKey((k) => k + 1)
    shown.current = true
  })

  const choose = (choice: SlotChoice) => {
    if (load.kind !== 'loaded') return
    openRoute('bookingConfirm', confirmQuery(load.station, choice))
  }

  const switchStation = (overflow: Overflow) => {
    if (load.kind === 'loaded') setSwitchedFrom(load.station.name)
    setPreferredDate(overflow.firstFreeDate)
    setPreset(null)
    setStationId(overflow.stationId)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  const bookWith = (counselorId: string) => {
    setPreset({ counselorId, nonce: Date.now() })
    void Taro.pageScrollTo({ selector: '.slot-picker', duration: 300 }).catch(() => undefined)
  }

  if (load.kind === 'loading') {
    return (
      <View className={withElderClass('page booking-station', elder)}>
        <Text className='card-text'>正在加载…</Text>
      </View>
    )
  }
  if (load.kind === 'error') {
    return (
      <View className={withElderClass('page booking-station', elder)}>
        <View className='card'>
          <Text className='card-text'>{load.message}</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={loadStation}>
            <Text>重试</Text>
          </View>
        </View>
      </View>
    )
  }

  const { station } = load
  return (
    <View className={withElderClass('page booking-station', elder)}>
      {switchedFrom ? <Text className='booking-notice overflow-note'>{`${switchedFrom}近期已约满，已为你换到上级站点「${station.name}」。`}</Text> : null}
      <View className='card station-header'>
        <Text className='station-header__name'>{station.name}</Text>
        <Text className='station-card__level'>{levelLabel(station.level)}</Text>
        {station.address ? <Text className='station-header__line'>{`地址：${station.address}`}</Text> : null}
        {station.openingHours ? <Text className='station-header__line'>{`开放时间：${station.openingHours}`}</Text> : null}
        {station.phone ? (
          <View className='station-phone' hoverClass='booking-button--pressed' onClick={() => callStation(station.phone)}>
            <Text className='station-header__line'>{`电话：${station.phone}`}</Text>
            <Text className='station-phone__call'>拨打</Text>
          </View>
        ) : null}
        {station.intro ? <Text className='station-header__intro'>{station.intro}</Text> : null}
      </View>

      <View className='card station-booking'>
        <Text className='booking-section-title'>选择时间</Text>
        <SlotPicker
          key={station.id}
          station={station}
          mode='book'
          service={params.service}
          counselorId={preset?.counselorId ?? params.counselorId}
          counselorNonce={preset?.nonce}
          date={preferredDate}
          reloadKey={reloadKey}
          onChoose={choose}
          onSwitchStation={switchStation}
        />
        <Text className='booking-muted'>{`最晚可提前 ${station.policies?.cancelWindowHours ?? 2} 小时在线取消或改期。预约提交后，驿站确认了会通知你。`}</Text>
      </View>

      {station.counselors.length > 0 ? (
        <View className='station-counselors'>
          <Text className='booking-section-title'>咨询师</Text>
          {station.counselors.map((c) => (
            <CounselorCard key={c.id} counselor={c} onBook={() => bookWith(c.id)} />
          ))}
        </View>
      ) : null}

      <View className='station-activities'>
        <Text className='booking-section-title'>近期活动</Text>
        {activities.length === 0 ? <Text className='booking-muted'>近期没有活动。</Text> : null}
        {activities.map((a) => (
          <View key={a.id} className='card activity-preview' hoverClass='station-card--pressed' onClick={() => openRoute('bookingActivities', { stationId: station.id })}>
            <Text className='activity-preview__title'>{`${activityKindLabel(a.kind)} · ${a.title}`}</Text>
            <Text className='booking-muted'>{`${formatSession(a.start, a.end)} · ${a.place}`}</Text>
            <Text className='booking-muted'>{activitySeatsText(a, new Date())}</Text>
          </View>
        ))}
        <View className='booking-button booking-button--quiet station-activities__all' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingActivities', { stationId: station.id })}>
          <Text>查看全部活动</Text>
        </View>
      </View>
    </View>
  )
}
