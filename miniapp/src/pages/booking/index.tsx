import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CrisisEntry from '../../components/CrisisEntry'
import { routeUrl } from '../../routes'
import './index.css'

/**
 * Old entry to booking, kept for links and shares that still point here: it hands over to the booking subpackage
 * (stations near me / by area) at once. If that package cannot load (weapp on a bad network), say so and offer
 * a retry — the crisis line stays on this page either way.
 */
export default function BookingPage() {
  const [failed, setFailed] = useState(false)

  const go = () => {
    setFailed(false)
    Taro.redirectTo({ url: routeUrl('bookingStations') }).catch(() => setFailed(true))
  }
  useEffect(go, [])

  return (
    <View className='page booking'>
      <Text className='page-title'>预约心理咨询</Text>
      <View className='card'>
        <Text className='card-text'>
          心安驿站的心理咨询由专业的心理咨询师提供，你可以和他们面对面地聊一聊最近的困扰。
        </Text>
      </View>
      {failed ? (
        <View className='card booking-entry-failed' onClick={go}>
          <Text className='card-text'>预约页面没有打开，可能是网络不太稳定。点此重试</Text>
        </View>
      ) : (
        <Text className='booking-now'>正在打开预约…</Text>
      )}
      <Text className='booking-now'>如果你现在就很难受，不用等预约，可以马上打电话：</Text>
      <CrisisEntry />
    </View>
  )
}
