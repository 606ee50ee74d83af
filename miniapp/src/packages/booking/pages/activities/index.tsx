import { useCallback, useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { activityKindLabel, activitySeatsText, activityState } from '../../../../booking/activities'
import { cancelRegistration, listActivities, listMyRegistrations, registerForActivity } from '../../../../booking/api'
import { formatSession } from '../../../../booking/china-time'
import { keepsIdempotencyKey } from '../../../../booking/errors'
import { hasErrors, NAME_MAX, normalizePhone, validateRegistration, type BookingFormErrors } from '../../../../booking/form'
import { createSubmitKeys } from '../../../../booking/idempotency'
import { appendPage } from '../../../../booking/messages'
import type { ActivityView, RegistrationView } from '../../../../booking/types'
import { useSession } from '../../../../services/app-session'
import { randomBytes } from '../../../../services/random'
import { asResident, confirmDialog, errorText, toast } from '../../components/resident'
import '../../booking.css'
import './index.css'

const PAGE_SIZE = 20

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; items: ActivityView[]; page: number; total: number }

function RegisterForm({ activity, onDone }: { activity: ActivityView; onDone(): void }) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<BookingFormErrors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const sendingNow = useRef(false)
  // Registered: locked, so a second tap landing after a fast answer does not send again.
  const registered = useRef(false)
  const keys = useRef(createSubmitKeys(randomBytes))

  const submit = async () => {
    if (sendingNow.current || registered.current) return
    const found = validateRegistration({ name, phone, consent })
    setErrors(found)
    if (hasErrors(found)) return
    const input = { name: name.trim(), phone: normalizePhone(phone) }
    const key = keys.current.keyFor({ activityId: activity.id, ...input })
    sendingNow.current = true
    setSending(true)
    setSubmitError(null)
    try {
      await asResident(() => registerForActivity(activity.id, input, key))
      registered.current = true
      keys.current.settle()
      toast('报名成功')
      onDone()
    } catch (error) {
      if (!keepsIdempotencyKey(error)) keys.current.settle()
      setSubmitError(errorText(error))
    } finally {
      sendingNow.current = false
      setSending(false)
    }
  }

  return (
    <View className='activity-form'>
      <View className='booking-field'>
        <Text className='booking-label'>姓名</Text>
        <Input className='booking-input activity-name' type='text' value={name} maxlength={NAME_MAX} onInput={(e) => setName(e.detail.value)} />
        {errors.name ? <Text className='booking-error'>{errors.name}</Text> : null}
      </View>
      <View className='booking-field'>
        <Text className='booking-label'>电话</Text>
        <Input className='booking-input activity-phone' type='text' placeholder='手机号或带区号的固定电话' value={phone} maxlength={20} onInput={(e) => setPhone(e.detail.value)} />
        {errors.phone ? <Text className='booking-error'>{errors.phone}</Text> : null}
      </View>
      <Text className='booking-muted activity-form__privacy'>姓名和电话只交给举办活动的驿站，用于签到和活动有变化时联系你，加密保存。</Text>
      <View className={`booking-check activity-consent${consent ? ' booking-check--checked activity-consent--checked' : ''}`} onClick={() => setConsent(!consent)}>
        <View className='booking-check__box'>
          <Text>{consent ? '✓' : ''}</Text>
        </View>
        <Text className='booking-check__text'>我同意驿站为这次活动使用我的姓名和电话</Text>
      </View>
      {errors.consent ? <Text className='booking-error'>{errors.consent}</Text> : null}
      {submitError ? <Text className='booking-error activity-form__error'>{submitError}</Text> : null}
      <View className={`booking-button activity-submit${sending ? ' booking-button--disabled' : ''}`} hoverClass='booking-button--pressed' onClick={() => void submit()}>
        <Text>{sending ? '正在提交…' : '确认报名'}</Text>
      </View>
    </View>
  )
}

/** 驿站活动 (`?stationId=` that station and those under it; `?id=` an activity to open): list, register, my registrations. */
export default function BookingActivitiesPage() {
  const params = useRouter().params
  const stationId = params.stationId || undefined
  const elder = useElderMode()
  const { status } = useSession()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [mine, setMine] = useState<RegistrationView[]>([])
  const [formFor, setFormFor] = useState<string | null>(params.id ?? null)
  const loadingMore = useRef(false)
  const shown = useRef(false)

  const refresh = useCallback(async () => {
    try {
      const page = await listActivities({ stationId, page: 1, pageSize: PAGE_SIZE })
      setLoad({ kind: 'loaded', items: page.items, page: 1, total: page.total })
    } catch (error) {
      setLoad((current) => (current.kind === 'loaded' ? current : { kind: 'error', message: errorText(error) }))
    }
    if (status === 'ready') listMyRegistrations().then((items) => setMine(items.filter((r) => r.status === 'registered')), () => undefined)
  }, [stationId, status])

  // The token makes the list say which ones I registered for, so load again once signed in.
  useEffect(() => {
    if (status !== 'pending') void refresh()
  }, [status, refresh])
  useDidShow(() => {
    if (shown.current) void refresh()
    shown.current = true
  })

  useReachBottom(() => {
    if (load.kind !== 'loaded' || load.items.length >= load.total || loadingMore.current) return
    loadingMore.current = true
    listActivities({ stationId, page: load.page + 1, pageSize: PAGE_SIZE })
      .then(
        (next) => setLoad((c) => (c.kind === 'loaded' ? { ...c, items: appendPage(c.items, next.items), page: c.page + 1, total: next.total } : c)),
        (error: unknown) => toast(errorText(error)),
      )
      .finally(() => {
        loadingMore.current = false
      })
  })

  const cancel = async (registration: RegistrationView) => {
    const ok = await confirmDialog('取消报名？', `${registration.activity.title}，${formatSession(registration.activity.start, registration.activity.end)}。取消后名额会让给其他人。`, '取消报名')
    if (!ok) return
    try {
      await asResident(() => cancelRegistration(registration.id))
      toast('已取消报名')
    } catch (error) {
      toast(errorText(error))
    }
    void refresh()
  }

  const now = new Date()
  let list
  if (load.kind === 'loading') list = <Text className='card-text'>正在加载…</Text>
  else if (load.kind === 'error') {
    list = (
      <View className='card'>
        <Text className='card-text'>{load.message}</Text>
        <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => void refresh()}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else if (load.items.length === 0) {
    list = (
      <View className='card activities-empty'>
        <Text className='card-text'>近期没有活动，过些日子再来看看。</Text>
      </View>
    )
  } else {
    // The public list may not say what I registered for; my registrations do.
    const registeredIds = new Set(mine.map((r) => r.activityId))
    list = load.items.map((listed) => {
      const a = registeredIds.has(listed.id) ? { ...listed, registered: true } : listed
      const state = activityState(a, now)
      return (
        <View key={a.id} className={`card activity-item activity-item--${state}`} id={`activity-${a.id}`}>
          <Text className='station-card__level'>{activityKindLabel(a.kind)}</Text>
          <Text className='activity-item__title'>{a.title}</Text>
          <Text className='activity-item__line'>{formatSession(a.start, a.end)}</Text>
          <Text className='activity-item__line'>{`${a.stationName} · ${a.place}`}</Text>
          <Text className='activity-item__seats'>{activitySeatsText(a, now)}</Text>
          {a.description ? <Text className='activity-item__description'>{a.description}</Text> : null}
          {state === 'open' ? (
            formFor === a.id ? (
              <RegisterForm
                activity={a}
                onDone={() => {
                  setFormFor(null)
                  void refresh()
                }}
              />
            ) : (
              <View className='booking-button activity-register' hoverClass='booking-button--pressed' onClick={() => setFormFor(a.id)}>
                <Text>报名</Text>
              </View>
            )
          ) : null}
        </View>
      )
    })
  }

  return (
    <View className={withElderClass('page booking-activities', elder)}>
      {mine.length > 0 ? (
        <View className='activities-mine'>
          <Text className='booking-section-title'>我的报名</Text>
          {mine.map((r) => (
            <View key={r.id} className='card registration-item'>
              <Text className='activity-item__title'>{r.activity.title}</Text>
              <Text className='activity-item__line'>{`${formatSession(r.activity.start, r.activity.end)} · ${r.activity.place}`}</Text>
              <Text className='activity-item__line'>{`${r.seat} 号名额`}</Text>
              {Date.parse(r.activity.start) > now.getTime() ? (
                <View className='booking-button booking-button--secondary booking-button--small registration-cancel' hoverClass='booking-button--pressed' onClick={() => void cancel(r)}>
                  <Text>取消报名</Text>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      <Text className='booking-section-title'>近期活动</Text>
      {list}
    </View>
  )
}
