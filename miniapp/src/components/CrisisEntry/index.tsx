import { View, Text } from '@tarojs/components'
import { PSY_HOTLINE_PHONE } from '../../data/hotlines'
import { openRoute } from '../../services/navigation'
import './index.css'

/**
 * The way to crisis help, on every tab page. Calm but always visible; it opens the hotline
 * page, which works offline (lines are bundled) and needs no sign-in.
 */
export default function CrisisEntry() {
  return (
    <View
      className='crisis-entry'
      id='crisis-entry'
      hoverClass='crisis-entry--pressed'
      onClick={() => openRoute('hotline')}
    >
      <Text className='crisis-entry__ask'>需要马上帮助？</Text>
      <Text className='crisis-entry__line'>心理援助热线 {PSY_HOTLINE_PHONE}</Text>
      <Text className='crisis-entry__arrow'>›</Text>
    </View>
  )
}
