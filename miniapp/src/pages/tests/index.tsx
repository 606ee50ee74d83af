import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import './index.css'

// Placeholder until the tests content lands: says what will be here, lists nothing that does not exist yet.
export default function TestsPage() {
  return (
    <View className='page tests'>
      <CrisisEntry />
      <Text className='page-title'>心理自测</Text>
      <View className='card'>
        <Text className='card-text'>这里会提供几份常用的心理自评量表，帮你了解自己最近的情绪和状态。量表正在准备中，很快就会上线。</Text>
      </View>
      <Text className='footnote'>自测结果只是参考，不是诊断。如果你感到困扰，可以预约心理咨询。</Text>
    </View>
  )
}
