import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { grantConsent, listConsents, saveAssessment } from '../../../services/api'
import { userMessage } from '../../../services/errors'
import { openRoute } from '../../../services/navigation'
import { randomBytes } from '../../../services/random'
import { newAttemptKey } from '../../../selftest/outbox'

type SaveState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'sheet'; busy: boolean; error: string | null }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }

/**
 * 保存这次结果: only on request of a signed-in resident. Without the store_results consent a separate sheet
 * explains what is kept and asks first; 不用了 leaves the result anonymous, as it is by default.
 */
export default function SaveResult({ code, answers }: { code: string; answers: readonly number[] }) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  // One key per result page: a double tap or a retry after a lost response is saved once.
  const key = useRef(newAttemptKey(randomBytes))

  const save = async () => {
    await saveAssessment(code, answers, key.current)
    setState({ kind: 'saved' })
  }

  const start = async () => {
    setState({ kind: 'busy' })
    try {
      const consents = await listConsents()
      if (consents.some((c) => c.purpose === 'store_results')) await save()
      else setState({ kind: 'sheet', busy: false, error: null })
    } catch (error) {
      setState({ kind: 'error', message: userMessage(error) })
    }
  }

  const agree = async () => {
    setState({ kind: 'sheet', busy: true, error: null })
    try {
      await grantConsent('store_results')
      await save()
    } catch (error) {
      setState({ kind: 'sheet', busy: false, error: userMessage(error) })
    }
  }

  if (state.kind === 'saved') {
    return (
      <View className='card selftest-save selftest-save--saved'>
        <Text className='card-text selftest-save__done'>已保存。可以在「我的 → 我的自测记录」查看或删除。</Text>
        <View className='selftest-button selftest-button--secondary selftest-save__records' hoverClass='selftest-button--pressed' onClick={() => openRoute('selftestRecords')}>
          <Text>查看我的自测记录</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='card selftest-save'>
      <Text className='card-text selftest-save__hint'>这次自测是匿名的，结果只在这台手机上。想以后对比变化，可以选择保存到你的账号。</Text>
      <View
        className={`selftest-button selftest-button--secondary selftest-save__button${state.kind === 'busy' ? ' selftest-button--disabled' : ''}`}
        hoverClass='selftest-button--pressed'
        onClick={() => state.kind === 'busy' || state.kind === 'sheet' ? undefined : void start()}
      >
        <Text>{state.kind === 'busy' ? '正在保存…' : '保存这次结果'}</Text>
      </View>
      {state.kind === 'error' ? <Text className='selftest-save__error'>{state.message}</Text> : null}

      {state.kind === 'sheet' ? (
        <View className='selftest-consent'>
          <View className='selftest-consent__sheet'>
            <Text className='selftest-consent__title'>保存自测结果前，请先了解</Text>
            <Text className='selftest-consent__item'>· 保存什么：量表名称、得分和分级，以及你的答案（答案加密保存）。</Text>
            <Text className='selftest-consent__item'>· 为什么：方便你以后回看，对比自己几次自测的变化。</Text>
            <Text className='selftest-consent__item'>· 随时删除：在「我的 → 我的自测记录」可以删除单条、全部，或撤回这项授权（会删除全部记录）。</Text>
            <Text className='selftest-consent__item selftest-consent__optional'>不保存也完全可以，自测结果照样有效。</Text>
            {state.error ? <Text className='selftest-save__error'>{state.error}</Text> : null}
            <View
              className={`selftest-button selftest-consent__agree${state.busy ? ' selftest-button--disabled' : ''}`}
              hoverClass='selftest-button--pressed'
              onClick={() => state.busy ? undefined : void agree()}
            >
              <Text>{state.busy ? '正在保存…' : '同意并保存'}</Text>
            </View>
            <View
              className='selftest-button selftest-button--secondary selftest-consent__decline'
              hoverClass='selftest-button--pressed'
              onClick={() => state.busy ? undefined : setState({ kind: 'idle' })}
            >
              <Text>不用了</Text>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
