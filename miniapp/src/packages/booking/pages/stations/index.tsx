import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CrisisEntry from '../../../../components/CrisisEntry'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { PLATFORM } from '../../../../env'
import { listStations, listStationTree } from '../../../../booking/api'
import { bookingErrorMessage } from '../../../../booking/errors'
import { areaSections, filterSections, formatDistance, levelLabel, nearestFirst, type AreaSection } from '../../../../booking/stations'
import type { StationView } from '../../../../booking/types'
import { openRoute } from '../../../../services/navigation'
import '../../booking.css'
import './index.css'

type Mode = 'near' | 'area'
type Near = { kind: 'locating' } | { kind: 'loading' } | { kind: 'loaded'; items: StationView[] } | { kind: 'refused' } | { kind: 'error'; message: string }
type Area = { kind: 'loading' } | { kind: 'loaded'; sections: AreaSection[] } | { kind: 'error'; message: string }

/** A position that never comes (permission sheet left open, H5 without GPS) must not hold the list. */
const LOCATION_TIMEOUT_MS = 8000

function locate(): Promise<{ lat: number; lng: number }> {
  // WeChat maps and the API use GCJ-02; a browser only gives WGS-84 (a few hundred metres off: fine for sorting).
  const type = PLATFORM === 'weapp' ? 'gcj02' : 'wgs84'
  const position = Taro.getLocation({ type }).then((res) => ({ lat: res.latitude, lng: res.longitude }))
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('location timeout')), LOCATION_TIMEOUT_MS))
  return Promise.race([position, timeout])
}

function StationCard({ station }: { station: StationView }) {
  const distance = formatDistance(station.distanceKm)
  return (
    <View
      className={`station-card station-card--${station.level}`}
      id={`station-${station.id}`}
      hoverClass='station-card--pressed'
      onClick={() => openRoute('bookingStation', { id: station.id })}
    >
      <View className='station-card__top'>
        <Text className='station-card__name'>{station.name}</Text>
        {distance ? <Text className='station-card__distance'>{distance}</Text> : null}
      </View>
      <Text className='station-card__level'>{levelLabel(station.level)}</Text>
      {station.address ? <Text className='station-card__meta station-card__address'>{station.address}</Text> : null}
      {station.openingHours ? <Text className='station-card__meta'>{station.openingHours}</Text> : null}
    </View>
  )
}

/**
 * Where booking starts: stations near me (one location request; refused → by area), or by area (街道 → 社区).
 * One tap on a station opens its page with the times.
 */
export default function BookingStationsPage() {
  const elder = useElderMode()
  const [mode, setMode] = useState<Mode>('near')
  const [near, setNear] = useState<Near>({ kind: 'locating' })
  const [area, setArea] = useState<Area>({ kind: 'loading' })
  const [query, setQuery] = useState('')
  const userChoseMode = useRef(false)

  const loadArea = () => {
    setArea({ kind: 'loading' })
    listStationTree().then(
      (roots) => setArea({ kind: 'loaded', sections: areaSections(roots) }),
      (error: unknown) => setArea({ kind: 'error', message: bookingErrorMessage(error) }),
    )
  }

  const loadNear = () => {
    setNear({ kind: 'locating' })
    locate().then(
      (position) => {
        setNear({ kind: 'loading' })
        listStations(position).then(
          (items) => setNear({ kind: 'loaded', items: nearestFirst(items) }),
          (error: unknown) => setNear({ kind: 'error', message: bookingErrorMessage(error) }),
        )
      },
      () => {
        setNear({ kind: 'refused' })
        if (!userChoseMode.current) setMode('area')
      },
    )
  }

  useEffect(() => {
    loadArea()
    loadNear()
  }, [])

  const choose = (next: Mode) => {
    userChoseMode.current = true
    setMode(next)
    if (next === 'near' && (near.kind === 'refused' || near.kind === 'error')) loadNear()
  }

  let list
  if (mode === 'near') {
    if (near.kind === 'locating' || near.kind === 'loading') {
      list = <Text className='card-text stations-loading'>{near.kind === 'locating' ? '正在获取你的位置…' : '正在查找附近的驿站…'}</Text>
    } else if (near.kind === 'refused') {
      list = (
        <View className='card stations-refused'>
          <Text className='card-text'>没有获取到你的位置。可以按区域选择驿站，也可以再试一次。</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => choose('area')}>
            <Text>按区域选择</Text>
          </View>
        </View>
      )
    } else if (near.kind === 'error') {
      list = (
        <View className='card'>
          <Text className='card-text'>{near.message}</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={loadNear}>
            <Text>重试</Text>
          </View>
        </View>
      )
    } else {
      const q = query.trim()
      const items = q ? near.items.filter((s) => s.name.includes(q) || s.address.includes(q)) : near.items
      list = items.length ? items.map((s) => <StationCard key={s.id} station={s} />) : <Text className='card-text'>没有找到符合的驿站。</Text>
    }
  } else if (area.kind === 'loading') {
    list = <Text className='card-text stations-loading'>正在加载驿站…</Text>
  } else if (area.kind === 'error') {
    list = (
      <View className='card'>
        <Text className='card-text'>{area.message}</Text>
        <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={loadArea}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else {
    const sections = filterSections(area.sections, query)
    list = sections.length ? (
      sections.map((section) => (
        <View key={section.key} className='station-area'>
          <Text className='station-area__title'>{section.title}</Text>
          {section.stations.map((s) => (
            <StationCard key={s.id} station={s} />
          ))}
        </View>
      ))
    ) : (
      <Text className='card-text'>没有找到符合的驿站。</Text>
    )
  }

  return (
    <View className={withElderClass('page booking-stations', elder)}>
      <Text className='page-lead'>选一个方便去的驿站，和心理咨询师面对面聊一聊。</Text>
      <View className='booking-links'>
        <View className='booking-link stations-mine' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMine')}>
          <Text>我的预约</Text>
        </View>
        <View className='booking-link stations-activities' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingActivities')}>
          <Text>驿站活动</Text>
        </View>
      </View>

      <View className='stations-tabs'>
        <View className={`stations-tab stations-tab--near${mode === 'near' ? ' stations-tab--selected' : ''}`} onClick={() => choose('near')}>
          <Text>离我最近</Text>
        </View>
        <View className={`stations-tab stations-tab--area${mode === 'area' ? ' stations-tab--selected' : ''}`} onClick={() => choose('area')}>
          <Text>按区域</Text>
        </View>
      </View>
      <Input
        className='booking-input stations-search'
        type='text'
        placeholder='搜索驿站名称或地址'
        value={query}
        maxlength={30}
        onInput={(e) => setQuery(e.detail.value)}
      />
      <View className='stations-list'>{list}</View>
      <Text className='booking-muted stations-crisis-hint'>如果你现在就很难受，不用等预约，可以马上打电话：</Text>
      <CrisisEntry />
    </View>
  )
}
