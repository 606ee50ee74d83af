import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import type { RouteName } from '../../routes'
import { openRoute } from '../../services/navigation'
import './index.css'

const ENTRIES: ReadonlyArray<{ route: RouteName; title: string; hint: string }> = [
  { route: 'articles', title: '科普', hint: '读一点心理健康小知识' },
  { route: 'relax', title: '放松', hint: '跟着练习，慢慢安静下来' },
  { route: 'tests', title: '自测', hint: '了解自己最近的状态' },
  { route: 'bookingStations', title: '预约咨询', hint: '和心理咨询师聊一聊' },
]

export default function HomePage() {
  return (
    <View className='page home'>
      <Text className='page-title'>你好，欢迎来到心安驿站</Text>
      <Text className='page-lead'>这里是一个安静的角落。照顾自己的情绪，可以从很小的一步开始。</Text>
      <CrisisEntry />
      <View className='home-entries'>
        {ENTRIES.map((entry) => (
          <View
            key={entry.route}
            className='home-entry'
            hoverClass='home-entry--pressed'
            onClick={() => openRoute(entry.route)}
          >
            <Text className='home-entry__title'>{entry.title}</Text>
            <Text className='home-entry__hint'>{entry.hint}</Text>
          </View>
        ))}
      </View>
      <Text className='footnote'>心安驿站提供心理健康自助支持，不能代替专业的诊断和治疗。</Text>
    </View>
  )
}
