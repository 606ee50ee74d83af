import { useEffect, useRef, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import CrisisEntry from '../../../../components/CrisisEntry'
import { groupStations, nameError, phoneError } from '../../../../me/logic'
import type { ReferralInput, Station } from '../../../../me/types'
import { createReferral, listStations } from '../../../../services/api'
import { useSession } from '../../../../services/app-session'
import { userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import { randomBytes } from '../../../../services/random'
import { newAttemptKey } from '../../../../selftest/outbox'
import '../../selftest.css'
import './index.css'

const REFERRAL_CONSENT_TEXT = '同意把我的联系方式和本次自测结果分段交给所选站点，用于联系我'

type Stations = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; items: Station[] }

export default function SelftestReferralPage() {
  const params = useRouter().params
  const code = params.code ?? ''
  const { status } = useSession()
  const [stations, setStations] = useState<Stations>({ kind: 'loading' })
  const [stationId, setStationId] = useState<string | null>(null)
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<{ station?: string; phone?: string; name?: string; consent?: string; submit?: string }>({})
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  // One key per form: a double tap or a retry after a lost response creates one request.
  const key = useRef(newAttemptKey(randomBytes))

  const load = () => {
    setStations({ kind: 'loading' })
    listStations().then(
      (items) => setStations({ kind: 'loaded', items }),
      (error: unknown) => setStations({ kind: 'error', message: userMessage(error) }),
    )
  }
  useEffect(() => {
    if (status === 'ready') load()
  }, [status])

  const submit = async () => {
    if (sending) return
    const next = {
      station: stationId ? undefined : '请选择一个站点',
      phone: phoneError(phone) ?? undefined,
      name: nameError(name) ?? undefined,
      consent: consent ? undefined : '需要你勾选同意，站点才能联系你',
    }
    setErrors(next)
    if (next.station || next.phone || next.name || next.consent || !stationId) return
    const input: ReferralInput = {
      stationId,
      phone: phone.trim(),
      code,
      crisis: params.crisis === '1',
      urgent: params.urgent === '1',
    }
    if (name.trim()) input.name = name.trim()
    if (params.band) input.bandKey = params.band
    setSending(true)
    try {
      const created = await createReferral(input, key.current)
      setDone(created.stationName)
    } catch (error) {
      setErrors({ submit: userMessage(error) })
    } finally {
      setSending(false)
    }
  }

  if (done) {
    return (
      <View className='page selftest-referral-page'>
        <View className='card referral-success'>
          <Text className='referral-success__title'>已提交</Text>
          <Text className='card-text referral-success__text'>{`${done}已收到你的请求，工作人员会尽快打电话给你。请留意来电。`}</Text>
          <Text className='card-text'>等待期间如果感到撑不住，请随时拨打心理援助热线 12356。</Text>
        </View>
        <View className='selftest-button selftest-button--secondary referral-success__list' hoverClass='selftest-button--pressed' onClick={() => openRoute('selftestReferrals')}>
          <Text>查看我的求助申请</Text>
        </View>
        <CrisisEntry />
      </View>
    )
  }

  let stationView
  if (status !== 'ready' || stations.kind === 'loading') {
    stationView = <Text className='card-text referral-loading'>{status === 'failed' ? '暂时无法登录，请到「我的」重试' : '正在加载站点…'}</Text>
  } else if (stations.kind === 'error') {
    stationView = (
      <View className='referral-stations-error'>
        <Text className='card-text'>{stations.message}</Text>
        <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={load}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else if (stations.items.length === 0) {
    stationView = <Text className='card-text'>暂时没有可选的站点，请拨打心理援助热线 12356。</Text>
  } else {
    stationView = groupStations(stations.items).map((group) => (
      <View key={group.level} className={`referral-group referral-group--${group.level}`}>
        <Text className='referral-group__label'>{group.label}</Text>
        {group.stations.map((s) => (
          <View
            key={s.id}
            id={`station-${s.id}`}
            className={`referral-station${stationId === s.id ? ' referral-station--selected' : ''}`}
            onClick={() => setStationId(s.id)}
          >
            <Text className='referral-station__name'>{s.name}</Text>
            {s.address ? <Text className='referral-station__meta'>{s.address}</Text> : null}
            {s.openingHours ? <Text className='referral-station__meta'>{s.openingHours}</Text> : null}
          </View>
        ))}
      </View>
    ))
  }

  return (
    <View className='page selftest-referral-page'>
      <CrisisEntry />
      <View className='card'>
        <Text className='card-text'>留下联系方式，所选站点的工作人员会打电话给你。如果现在就很危险，请直接拨打 12356 或 110。</Text>
      </View>

      <View className='card referral-stations'>
        <Text className='selftest-section-title'>选择站点</Text>
        {stationView}
        {errors.station ? <Text className='referral-error'>{errors.station}</Text> : null}
      </View>

      <View className='card referral-fields'>
        <Text className='referral-label'>电话</Text>
        <Input className='referral-input referral-phone' type='text' placeholder='手机号或带区号的固定电话' value={phone} maxlength={20} onInput={(e) => setPhone(e.detail.value)} />
        {errors.phone ? <Text className='referral-error referral-error--phone'>{errors.phone}</Text> : null}
        <Text className='referral-label'>怎么称呼你（可不填）</Text>
        <Input className='referral-input referral-name' type='text' placeholder='如：王女士' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
        {errors.name ? <Text className='referral-error'>{errors.name}</Text> : null}

        <View className={`referral-consent${consent ? ' referral-consent--checked' : ''}`} onClick={() => setConsent(!consent)}>
          <View className='referral-consent__box'><Text>{consent ? '✓' : ''}</Text></View>
          <Text className='referral-consent__text'>{REFERRAL_CONSENT_TEXT}</Text>
        </View>
        {errors.consent ? <Text className='referral-error'>{errors.consent}</Text> : null}
      </View>

      {errors.submit ? <Text className='referral-error referral-error--submit'>{errors.submit}</Text> : null}
      <View className={`selftest-button referral-submit${sending ? ' selftest-button--disabled' : ''}`} hoverClass='selftest-button--pressed' onClick={() => void submit()}>
        <Text>{sending ? '正在提交…' : '提交'}</Text>
      </View>
    </View>
  )
}
