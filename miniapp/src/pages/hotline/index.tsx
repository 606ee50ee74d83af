import { View, Text } from '@tarojs/components'
import { HOTLINES } from '../../data/hotlines'
import { callPhone } from '../../services/phone'
import './index.css'

/**
 * Crisis help. Works with the network or the API down: the lines are bundled at build time
 * and this page makes no request and needs no sign-in.
 */
export default function HotlinePage() {
  return (
    <View className='page hotline'>
      <Text className='page-title'>你并不孤单</Text>
      <Text className='page-lead'>如果你正处在困难中，现在就可以打电话，有人会接听。点一下号码就能拨出。</Text>
      {HOTLINES.map((line) => (
        <View
          key={line.key}
          id={`hotline-${line.key}`}
          className={`hotline-item hotline-item--${line.key}`}
          hoverClass='hotline-item--pressed'
          onClick={() => callPhone(line.phone)}
        >
          <View className='hotline-item__body'>
            <Text className='hotline-item__name'>{line.name}</Text>
            <Text className='hotline-item__note'>{line.note}</Text>
          </View>
          <Text className='hotline-item__phone'>{line.phone}</Text>
        </View>
      ))}
      <Text className='footnote'>如果你或身边的人有立即的生命危险，请直接拨打 110 或 120。</Text>
    </View>
  )
}
