import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import './index.css'

// Placeholder until the articles content lands: says what will be here, lists nothing that does not exist yet.
export default function ArticlesPage() {
  return (
    <View className='page articles'>
      <CrisisEntry />
      <Text className='page-title'>心理科普</Text>
      <View className='card'>
        <Text className='card-text'>这里会陆续放上通俗好读的心理健康文章，讲情绪、睡眠、压力和人际关系这些日常里的小事。每一篇都会经过专业人员审核后再上线，请稍候。</Text>
      </View>
      <Text className='footnote'>读不懂或者读了更难受，都没关系，随时可以停下来。</Text>
    </View>
  )
}
