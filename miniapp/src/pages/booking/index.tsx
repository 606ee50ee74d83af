import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import './index.css'

// Entry page for counselling bookings; the booking flow itself comes later.
export default function BookingPage() {
  return (
    <View className='page booking'>
      <Text className='page-title'>预约心理咨询</Text>
      <View className='card'>
        <Text className='card-text'>
          心安驿站的心理咨询由专业的心理咨询师提供，你可以和他们面对面地聊一聊最近的困扰。
        </Text>
      </View>
      <View className='card'>
        <Text className='card-text'>线上预约即将开放。开放后，你可以在这里选择离你近的驿站和合适的时间，也可以在“我的”里看到自己的预约。</Text>
      </View>
      <Text className='booking-now'>如果你现在就很难受，不用等预约，可以马上打电话：</Text>
      <CrisisEntry />
    </View>
  )
}
