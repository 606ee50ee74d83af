import { useEffect, useMemo, useRef, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import { createBooking, listMyBookings } from '../../../../booking/api'
import { formatSession } from '../../../../booking/china-time'
import { readConfirmQuery } from '../../../../booking/confirm-query'
import { bookingErrorAction, keepsIdempotencyKey, type BookingErrorAction } from '../../../../booking/errors'
import {
  bookingRequest,
  EMPTY_FORM,
  firstErrorField,
  hasErrors,
  NAME_MAX,
  RELATIONSHIP_MAX,
  TOPIC_MAX,
  validateBookingForm,
  type BookingFormErrors,
  type BookingFormField,
  type BookingFormValues,
} from '../../../../booking/form'
import { createSubmitKeys } from '../../../../booking/idempotency'
import { serviceLabel } from '../../../../booking/slots'
import { session, useSession } from '../../../../services/app-session'
import { openRoute, replaceRoute } from '../../../../services/navigation'
import { randomBytes } from '../../../../services/random'
import { asResident, errorText } from '../../components/resident'
import '../../booking.css'
import './index.css'

type SubmitError = { message: string; action: BookingErrorAction }

function Check({ className, checked, text, onToggle }: { className: string; checked: boolean; text: string; onToggle(): void }) {
  return (
    <View className={`booking-check ${className}${checked ? ` booking-check--checked ${className}--checked` : ''}`} onClick={onToggle}>
      <View className='booking-check__box'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className='booking-check__text'>{text}</Text>
    </View>
  )
}

/**
 * The booking form: who is coming and how to reach them, an optional topic, 代约 for a family member, the privacy
 * notice and consent. One Idempotency-Key per submit (kept for a retry), so a double tap or a lost answer never
 * books twice.
 */
export default function BookingConfirmPage() {
  const params = useRouter().params
  const elder = useElderMode()
  const chosen = useMemo(() => readConfirmQuery(params), [params])
  const { status } = useSession()
  const [values, setValues] = useState<BookingFormValues>(EMPTY_FORM)
  const [errors, setErrors] = useState<BookingFormErrors>({})
  const [sending, setSending] = useState(false)
  const [submitError, setSubmitError] = useState<SubmitError | null>(null)
  // A ref, not state: the second tap of a double tap arrives before React re-renders the disabled button.
  const sendingNow = useRef(false)
  // Once booked the form stays locked: on a fast network the answer can arrive between the two taps of a double
  // tap, before the page has been replaced by the success page.
  const booked = useRef(false)
  const keys = useRef(createSubmitKeys(randomBytes))
  const prefilled = useRef(false)

  // Returning residents: name and phone from their latest booking, so an older person types less.
  useEffect(() => {
    if (status !== 'ready' || prefilled.current) return
    prefilled.current = true
    listMyBookings('all').then(
      (items) => {
        const latest = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
        if (!latest?.contact) return
        setValues((v) => (v.name || v.phone ? v : { ...v, name: latest.contact.name ?? '', phone: latest.contact.phone ?? '' }))
      },
      () => undefined,
    )
  }, [status])

  const set = <K extends keyof BookingFormValues>(field: K, value: BookingFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field as BookingFormField]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const submit = async () => {
    if (sendingNow.current || booked.current || !chosen) return
    const found = validateBookingForm(values)
    setErrors(found)
    if (hasErrors(found)) {
      const first = firstErrorField(found)
      if (first) void Taro.pageScrollTo({ selector: `.booking-field--${first}`, duration: 200 }).catch(() => undefined)
      return
    }
    const body = bookingRequest(chosen, values)
    const key = keys.current.keyFor(body)
    sendingNow.current = true
    setSending(true)
    setSubmitError(null)
    try {
      const booking = await asResident(() => createBooking(body, key))
      booked.current = true
      keys.current.settle()
      replaceRoute('bookingSuccess', { id: booking.id })
    } catch (error) {
      if (!keepsIdempotencyKey(error)) keys.current.settle()
      setSubmitError({ message: errorText(error), action: bookingErrorAction(error) })
    } finally {
      sendingNow.current = false
      if (!booked.current) setSending(false)
    }
  }

  const root = withElderClass('page booking-confirm', elder)
  if (!chosen) {
    return (
      <View className={root}>
        <View className='card'>
          <Text className='card-text'>这个预约时间的信息不完整，请回到驿站重新选择时间。</Text>
          <View className='booking-button booking-button--secondary' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingStations')}>
            <Text>选择驿站</Text>
          </View>
        </View>
      </View>
    )
  }

  const field = (name: BookingFormField) => (errors[name] ? <Text className={`booking-error booking-error--${name}`}>{errors[name]}</Text> : null)
  const who = chosen.counselorName || '由驿站安排合适的咨询师'

  return (
    <View className={root}>
      <View className='card booking-summary'>
        <Text className='booking-summary__station'>{chosen.stationName}</Text>
        <Text className='booking-summary__time'>{chosen.end ? formatSession(chosen.start, chosen.end) : formatSession(chosen.start, chosen.start)}</Text>
        <Text className='booking-summary__line'>{`${serviceLabel(chosen.service)}${chosen.title ? ` · ${chosen.title}` : ''}`}</Text>
        <Text className='booking-summary__line'>{`咨询师：${who}`}</Text>
      </View>

      {status === 'failed' ? (
        <View className='booking-notice booking-signin' onClick={() => void session.start()}>
          <Text>暂时无法登录，预约需要先登录。点此重试</Text>
        </View>
      ) : null}

      <View className='card booking-form'>
        <View className='booking-field booking-field--name'>
          <Text className='booking-label'>{values.forOther ? '你的姓名（预约人）' : '你的姓名'}</Text>
          <Input className='booking-input booking-name' type='text' placeholder='如：王小明' value={values.name} maxlength={NAME_MAX} onInput={(e) => set('name', e.detail.value)} />
          {field('name')}
        </View>
        <View className='booking-field booking-field--phone'>
          <Text className='booking-label'>{values.forOther ? '你的电话（预约人）' : '你的电话'}</Text>
          <Input className='booking-input booking-phone' type='text' placeholder='手机号或带区号的固定电话' value={values.phone} maxlength={20} onInput={(e) => set('phone', e.detail.value)} />
          {field('phone')}
        </View>
        <View className='booking-field booking-field--topic'>
          <Text className='booking-label'>想聊的话题（可不填）</Text>
          <Textarea
            className='booking-textarea booking-topic'
            placeholder='如：最近睡不好、和家人关系紧张。简单写几句就好'
            value={values.topic}
            maxlength={TOPIC_MAX}
            onInput={(e) => set('topic', e.detail.value)}
          />
          <Text className='booking-muted'>只有驿站能看到，不会出现在任何通知里。</Text>
          {field('topic')}
        </View>

        <Check className='booking-for-other' checked={values.forOther} text='我是替家人预约（代约）' onToggle={() => set('forOther', !values.forOther)} />
        {values.forOther ? (
          <View className='booking-other'>
            <View className='booking-field booking-field--relationship'>
              <Text className='booking-label'>来咨询的人是你的</Text>
              <Input className='booking-input booking-relationship' type='text' placeholder='如：母亲、父亲、孩子' value={values.relationship} maxlength={RELATIONSHIP_MAX} onInput={(e) => set('relationship', e.detail.value)} />
              {field('relationship')}
            </View>
            <View className='booking-field booking-field--otherName'>
              <Text className='booking-label'>对方的姓名</Text>
              <Input className='booking-input booking-other-name' type='text' value={values.otherName} maxlength={NAME_MAX} onInput={(e) => set('otherName', e.detail.value)} />
              {field('otherName')}
            </View>
            <View className='booking-field booking-field--otherPhone'>
              <Text className='booking-label'>对方的电话</Text>
              <Input className='booking-input booking-other-phone' type='text' placeholder='手机号或带区号的固定电话' value={values.otherPhone} maxlength={20} onInput={(e) => set('otherPhone', e.detail.value)} />
              {field('otherPhone')}
            </View>
            <View className='booking-field booking-field--otherAgreed'>
              <Check className='booking-other-agreed' checked={values.otherAgreed} text='已征得对方同意，对方愿意来咨询' onToggle={() => set('otherAgreed', !values.otherAgreed)} />
              {field('otherAgreed')}
            </View>
          </View>
        ) : null}

        <View className='booking-privacy'>
          <Text className='booking-privacy__title'>你的信息怎么用</Text>
          <Text className='booking-privacy__item'>
            {values.forOther
              ? '收集什么：你的姓名、电话，家人的姓名、电话和你们的关系，以及可选的咨询主题。'
              : '收集什么：姓名、电话、可选的咨询主题。'}
          </Text>
          <Text className='booking-privacy__item'>为什么：只用于驿站安排这次咨询，以及时间有变化时联系你。</Text>
          <Text className='booking-privacy__item'>谁能看到：只有你预约的这个驿站，信息加密保存。</Text>
          <Text className='booking-privacy__item'>提醒消息里只写“心理咨询预约”、时间和驿站名称，你填写的主题永远不会出现在通知里。</Text>
          <Text className='booking-privacy__item'>你可以随时在「我的预约」里取消这次预约。</Text>
        </View>
        <View className='booking-field booking-field--consent'>
          <Check className='booking-consent' checked={values.consent} text='我已阅读以上说明，同意驿站为安排这次咨询使用这些信息' onToggle={() => set('consent', !values.consent)} />
          {field('consent')}
        </View>
      </View>

      {submitError ? (
        <View className='booking-submit-error'>
          <Text className={`booking-error booking-error--submit booking-error--${submitError.action}`}>{submitError.message}</Text>
          {submitError.action === 'choose_another_slot' ? (
            <View className='booking-button booking-button--secondary booking-rechoose' hoverClass='booking-button--pressed' onClick={() => void Taro.navigateBack().catch(() => openRoute('bookingStation', { id: chosen.stationId }))}>
              <Text>换一个时间</Text>
            </View>
          ) : null}
          {submitError.action === 'open_my_bookings' ? (
            <View className='booking-button booking-button--secondary booking-open-mine' hoverClass='booking-button--pressed' onClick={() => openRoute('bookingMine')}>
              <Text>查看我的预约</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View
        className={`booking-button booking-submit${sending ? ' booking-button--disabled booking-submit--sending' : ''}`}
        hoverClass='booking-button--pressed'
        onClick={() => void submit()}
      >
        <Text>{sending ? '正在提交…' : submitError?.action === 'retry' ? '再试一次' : '提交预约'}</Text>
      </View>
      <Text className='booking-muted booking-confirm__after'>提交后，驿站确认了会通知你。如果现在就很难受，可以随时拨打心理援助热线。</Text>
    </View>
  )
}
