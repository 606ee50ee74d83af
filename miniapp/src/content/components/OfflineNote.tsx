import { View, Text } from '@tarojs/components'
import { OFFLINE_NOTE } from '../offline-cache'

/** The quiet line above content shown from the offline copy. */
export default function OfflineNote() {
  return (
    <View className='offline-note'>
      <Text>{OFFLINE_NOTE}</Text>
    </View>
  )
}
