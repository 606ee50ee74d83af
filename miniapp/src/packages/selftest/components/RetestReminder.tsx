import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { createReminder } from '../../../services/api'
import { REMINDER_MESSAGES, subscribeOutcome, type SubscribeOutcome } from '../../../selftest/reminder'

/**
 * 两周后提醒我再测: asks WeChat for one subscribe message, then records the reminder on the server.
 * Shown only in WeChat with a configured template (see selftest/reminder.ts canOfferReminder).
 */
export default function RetestReminder({ code }: { code: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; outcome: SubscribeOutcome | 'failed' }>({ kind: 'idle' })

  const ask = async () => {
    setState({ kind: 'busy' })
    try {
      const answer = await Taro.requestSubscribeMessage({ tmplIds: [RETEST_TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option)
      const outcome = subscribeOutcome(answer as unknown as Record<string, unknown>, RETEST_TEMPLATE_ID)
      if (outcome === 'accepted') await createReminder(code)
      setState({ kind: 'done', outcome })
    } catch {
      setState({ kind: 'done', outcome: 'failed' })
    }
  }

  if (state.kind === 'done') {
    return (
      <View className='card selftest-reminder'>
        <Text className='card-text selftest-reminder__text'>{REMINDER_MESSAGES[state.outcome]}</Text>
      </View>
    )
  }
  return (
    <View className='card selftest-reminder'>
      <Text className='card-text'>两周后再做一次，可以看看自己的变化。</Text>
      <View className='selftest-button selftest-button--secondary selftest-reminder__ask' hoverClass='selftest-button--pressed' onClick={() => void ask()}>
        <Text>{state.kind === 'busy' ? '正在设置…' : '两周后提醒我再测'}</Text>
      </View>
    </View>
  )
}
