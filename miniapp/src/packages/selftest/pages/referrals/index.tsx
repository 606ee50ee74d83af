import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { formatDate, referralStatusLabel } from '../../../../me/logic'
import type { ReferralSummary } from '../../../../me/types'
import { listReferrals } from '../../../../services/api'
import { useSession } from '../../../../services/app-session'
import { userMessage } from '../../../../services/errors'
import '../../selftest.css'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; items: ReferralSummary[] }

export default function SelftestReferralsPage() {
  const { status } = useSession()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })

  const refresh = () => {
    listReferrals().then(
      (items) => setLoad({ kind: 'loaded', items: [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }),
      (error: unknown) => setLoad({ kind: 'error', message: userMessage(error) }),
    )
  }
  useEffect(() => {
    if (status === 'ready') refresh()
  }, [status])

  let body
  if (status !== 'ready' || load.kind === 'loading') {
    body = <Text className='card-text'>{status === 'failed' ? '暂时无法登录，请到「我的」重试' : '正在加载…'}</Text>
  } else if (load.kind === 'error') {
    body = (
      <View>
        <Text className='card-text'>{load.message}</Text>
        <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={refresh}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else if (load.items.length === 0) {
    body = <Text className='card-text referrals-empty'>还没有求助申请。自测结果提示需要帮助时，可以在结果页选择「请站点联系我」。</Text>
  } else {
    body = load.items.map((item) => (
      <View key={item.id} className='referrals-item'>
        <Text className='referrals-item__station'>{item.stationName}</Text>
        <Text className='referrals-item__meta'>{`${formatDate(item.createdAt)} · ${referralStatusLabel(item.status)}`}</Text>
      </View>
    ))
  }

  return (
    <View className='page selftest-referrals'>
      <View className='card'>{body}</View>
    </View>
  )
}
