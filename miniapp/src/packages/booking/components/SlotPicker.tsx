import { useEffect, useMemo, useRef, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PLATFORM } from '../../../env'
import { getAvailability, getSlots, getSubscribeTemplates, joinWaitlist } from '../../../booking/api'
import { formatMonthDay } from '../../../booking/china-time'
import { buildDateStrip, initialDate, type DateChip } from '../../../booking/date-strip'
import { bookingErrorMessage } from '../../../booking/errors'
import {
  ANY_COUNSELOR,
  counselorsFor,
  dayIsFull,
  defaultService,
  groupByPeriod,
  orderedServices,
  seatsText,
  serviceLabel,
  slotChoices,
  slotTimeText,
  type SlotChoice,
} from '../../../booking/slots'
import { overflowText } from '../../../booking/stations'
import { waitlistTemplateIds } from '../../../booking/subscribe'
import type { Availability, Overflow, Service, Slot, StationDetail, SubscribeTemplates } from '../../../booking/types'
import { asResident, errorText, toast } from './resident'

export interface SlotPickerProps {
  station: StationDetail
  /** 'reschedule': the service is fixed and no other station is offered (a move stays at the same station). */
  mode: 'book' | 'reschedule'
  service?: string | null
  /** Preselected counselor (id or 'any'); changing `counselorNonce` applies it again (the station page's "约TA"). */
  counselorId?: string | null
  counselorNonce?: number
  /** Date to open on, when it is on the strip. */
  date?: string | null
  /** Bump to reload days and slots (page shown again, a slot was just taken). */
  reloadKey: number
  onChoose(choice: SlotChoice, date: string): void
  /** The "本站近期已约满" offer was taken. */
  onSwitchStation?(overflow: Overflow): void
  /** A slot being sent right now (shown busy, not tappable). */
  busyKey?: string | null
  /** The booking's current start when rescheduling: shown, not choosable. */
  currentStart?: string | null
}

type Days = { kind: 'loading' } | { kind: 'loaded'; value: Availability } | { kind: 'unknown' }
type Slots = { kind: 'loading' } | { kind: 'loaded'; items: Slot[] } | { kind: 'error'; message: string }
type Waitlist = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string } | { kind: 'error'; message: string }

const cls = (...names: Array<string | false | null | undefined>) => names.filter(Boolean).join(' ')

function chipFreeText(chip: DateChip): string {
  if (chip.free === null) return ''
  return chip.full ? '已约满' : `${chip.free} 个空位`
}

/**
 * Choose service → counselor (or 不限) → date → time. Used by the station page (book) and the slots page
 * (book from a link, or move an existing booking). Full times stay visible as 已约满 so people see the day is
 * busy rather than empty; a full day offers the waitlist, an all-full station the station above it.
 */
export default function SlotPicker(props: SlotPickerProps) {
  const { station, mode, reloadKey, onChoose, onSwitchStation, busyKey, currentStart } = props
  const services = orderedServices(station.services)
  const [service, setService] = useState<Service | null>(() => defaultService(station.services, props.service))
  const [counselorId, setCounselorId] = useState<string>(props.counselorId || ANY_COUNSELOR)
  const [date, setDate] = useState<string | null>(null)
  const [days, setDays] = useState<Days>({ kind: 'loading' })
  const [slots, setSlots] = useState<Slots>({ kind: 'loading' })
  const [waitlist, setWaitlist] = useState<Waitlist>({ kind: 'idle' })
  const [templates, setTemplates] = useState<SubscribeTemplates | null>(null)
  const preferredDate = useRef<string | null>(props.date ?? null)
  const daysSeq = useRef(0)
  const slotsSeq = useRef(0)

  const counselors = useMemo(() => (service ? counselorsFor(station.counselors, service) : []), [station.counselors, service])

  useEffect(() => {
    if (props.counselorNonce === undefined) return
    setCounselorId(props.counselorId || ANY_COUNSELOR)
  }, [props.counselorId, props.counselorNonce])

  // A counselor who does not offer the chosen service falls back to 不限.
  useEffect(() => {
    if (counselorId !== ANY_COUNSELOR && !counselors.some((c) => c.id === counselorId)) setCounselorId(ANY_COUNSELOR)
  }, [counselors, counselorId])

  // The waitlist asks WeChat for permission in the tap itself, so the template ids must already be here.
  useEffect(() => {
    if (PLATFORM !== 'weapp' || mode !== 'book') return
    getSubscribeTemplates().then(setTemplates, () => setTemplates(null))
  }, [mode])

  // Days of the horizon with their free counts; then pick the date to show.
  useEffect(() => {
    if (!service) return
    const seq = ++daysSeq.current
    setDays({ kind: 'loading' })
    const settle = (next: Days) => {
      if (seq !== daysSeq.current) return
      setDays(next)
      const chips = buildDateStrip(new Date(), station.policies?.horizonDays ?? 14, next.kind === 'loaded' ? next.value : null)
      setDate((current) => {
        const wanted = preferredDate.current ?? current
        preferredDate.current = null
        return initialDate(chips, wanted)
      })
    }
    getAvailability(station.id, { service }).then(
      (value) => settle({ kind: 'loaded', value }),
      () => settle({ kind: 'unknown' }),
    )
  }, [station.id, service, reloadKey])

  // The chosen day's slots (all counselors: the counselor filter is applied here, without another request).
  const loadSlots = () => {
    if (!service || !date) return
    const seq = ++slotsSeq.current
    setSlots({ kind: 'loading' })
    setWaitlist({ kind: 'idle' })
    getSlots(station.id, date, service).then(
      (items) => seq === slotsSeq.current && setSlots({ kind: 'loaded', items }),
      (error: unknown) => seq === slotsSeq.current && setSlots({ kind: 'error', message: bookingErrorMessage(error) }),
    )
  }
  useEffect(loadSlots, [station.id, service, date, reloadKey])

  const chips = buildDateStrip(new Date(), station.policies?.horizonDays ?? 14, days.kind === 'loaded' ? days.value : null)
  const choices = service && slots.kind === 'loaded' ? slotChoices(slots.items, service, counselorId) : []
  const groups = groupByPeriod(choices)
  const overflow = mode === 'book' && days.kind === 'loaded' ? days.value.overflow : null

  const tapSlot = (choice: SlotChoice) => {
    if (busyKey) return
    if (currentStart && choice.start === currentStart) {
      toast('这是你现在约的时间，请选一个新的时间')
      return
    }
    if (choice.full) {
      toast('这个时间已约满，可以换一个时间，或登记候补')
      return
    }
    if (date) onChoose(choice, date)
  }

  const joinWait = () => {
    if (!service || !date || waitlist.kind === 'sending') return
    const ids = waitlistTemplateIds(templates)
    // WeChat only shows the permission sheet when asked from the tap itself.
    if (PLATFORM === 'weapp' && ids.length > 0) Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).catch(() => undefined)
    setWaitlist({ kind: 'sending' })
    asResident(() => joinWaitlist({ stationId: station.id, date, service, counselorId })).then(
      () => setWaitlist({ kind: 'done', message: `已登记。${formatMonthDay(date)}一有空出来的时间，就会在「消息」里通知你` }),
      (error: unknown) => setWaitlist({ kind: 'error', message: errorText(error) }),
    )
  }

  let slotBody
  if (!service) {
    slotBody = <Text className='card-text slot-empty'>这个驿站暂时没有开放线上预约，可以打电话问一问。</Text>
  } else if (slots.kind === 'loading' || !date) {
    slotBody = <Text className='card-text slot-loading'>正在查看可约的时间…</Text>
  } else if (slots.kind === 'error') {
    slotBody = (
      <View className='slot-error'>
        <Text className='card-text'>{slots.message}</Text>
        <View className='booking-button booking-button--secondary slot-retry' hoverClass='booking-button--pressed' onClick={loadSlots}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else if (choices.length === 0) {
    slotBody = <Text className='card-text slot-empty'>这一天没有可以预约的时间，换一天看看吧。</Text>
  } else {
    slotBody = groups.map((group) => (
      <View key={group.period} className={`slot-group slot-group--${group.period}`}>
        <Text className='slot-group__label'>{group.label}</Text>
        <View className='slot-group__items'>
          {group.items.map((choice) => {
            const isCurrent = !!currentStart && choice.start === currentStart
            return (
              <View
                key={choice.key}
                className={cls(
                  'slot-item',
                  choice.full && 'slot-item--full',
                  choice.service === 'group' && 'slot-item--group',
                  isCurrent && 'slot-item--current',
                  busyKey === choice.key && 'slot-item--busy',
                )}
                hoverClass={choice.full || isCurrent ? 'none' : 'slot-item--pressed'}
                data-start={choice.start}
                onClick={() => tapSlot(choice)}
              >
                <Text className='slot-item__time'>{slotTimeText(choice)}</Text>
                {choice.title ? <Text className='slot-item__title'>{choice.title}</Text> : null}
                <Text className='slot-item__meta'>{isCurrent ? '你现在约的时间' : busyKey === choice.key ? '正在提交…' : seatsText(choice)}</Text>
              </View>
            )
          })}
        </View>
      </View>
    ))
  }

  const showWaitlist = mode === 'book' && slots.kind === 'loaded' && dayIsFull(choices)

  return (
    <View className='slot-picker'>
      {overflow && onSwitchStation ? (
        <View className='overflow-offer'>
          <Text className='overflow-offer__text'>{overflowText(overflow)}</Text>
          <View className='booking-button overflow-offer__switch' hoverClass='booking-button--pressed' onClick={() => onSwitchStation(overflow)}>
            <Text>{`去${overflow.name}预约`}</Text>
          </View>
        </View>
      ) : null}

      {services.length > 1 ? (
        <View className='picker-row service-tabs'>
          {services.map((s) => (
            <View
              key={s}
              className={cls('service-tab', `service-tab--${s}`, s === service && 'service-tab--selected', mode === 'reschedule' && s !== service && 'service-tab--disabled')}
              onClick={() => mode === 'book' && setService(s)}
            >
              <Text>{serviceLabel(s)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {counselors.length > 0 ? (
        <ScrollView scrollX className='picker-row counselor-chips' enableFlex>
          <View
            className={cls('counselor-chip', 'counselor-chip--any', counselorId === ANY_COUNSELOR && 'counselor-chip--selected')}
            onClick={() => setCounselorId(ANY_COUNSELOR)}
          >
            <Text>不限咨询师</Text>
          </View>
          {counselors.map((c) => (
            <View
              key={c.id}
              className={cls('counselor-chip', c.id === counselorId && 'counselor-chip--selected')}
              onClick={() => setCounselorId(c.id)}
            >
              <Text>{c.name}</Text>
            </View>
          ))}
        </ScrollView>
      ) : null}

      <ScrollView scrollX className='date-strip' enableFlex scrollIntoView={date ? `date-${date}` : undefined} scrollWithAnimation>
        {chips.map((chip) => (
          <View
            key={chip.date}
            id={`date-${chip.date}`}
            className={cls('date-chip', chip.date === date && 'date-chip--selected', chip.full && 'date-chip--full')}
            data-date={chip.date}
            onClick={() => setDate(chip.date)}
          >
            <Text className='date-chip__day'>{chip.dayLabel}</Text>
            <Text className='date-chip__date'>{chip.dateLabel}</Text>
            <Text className='date-chip__free'>{chipFreeText(chip)}</Text>
          </View>
        ))}
      </ScrollView>

      <View className='slot-list'>{slotBody}</View>

      {showWaitlist ? (
        <View className='waitlist'>
          <Text className='waitlist__text'>这一天的时间都约满了。登记候补后，一有人取消就会通知你（先约先得）。</Text>
          {waitlist.kind === 'done' ? (
            <Text className='waitlist__done'>{waitlist.message}</Text>
          ) : (
            <View
              className={cls('booking-button', 'booking-button--secondary', 'waitlist-join', waitlist.kind === 'sending' && 'booking-button--disabled')}
              hoverClass='booking-button--pressed'
              onClick={joinWait}
            >
              <Text>{waitlist.kind === 'sending' ? '正在登记…' : '有空位时通知我'}</Text>
            </View>
          )}
          {waitlist.kind === 'error' ? <Text className='booking-error waitlist__error'>{waitlist.message}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
