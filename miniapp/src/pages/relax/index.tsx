import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import './index.css'

// Placeholder until the relax content lands: says what will be here, lists nothing that does not exist yet.
export default function RelaxPage() {
  return (
    <View className='page relax'>
      <CrisisEntry />
      <Text className='page-title'>放松练习</Text>
      <View className='card'>
        <Text className='card-text'>这里会有呼吸练习和放松音频，在紧张、心慌或者睡不着的时候，陪你一起慢下来。内容正在准备中，很快就来。</Text>
      </View>
      <Text className='footnote'>现在就想放松一下？可以试着慢慢吸气四秒，再慢慢呼气六秒，重复几次。</Text>
    </View>
  )
}
