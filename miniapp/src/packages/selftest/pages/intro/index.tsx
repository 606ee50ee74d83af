import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import CrisisEntry from '../../../../components/CrisisEntry'
import { loadDefinition, progressStore } from '../../../../selftest/app-selftest'
import { scaleMeta } from '../../../../selftest/catalog'
import type { SavedProgress } from '../../../../selftest/progress'
import type { ScaleDefinition } from '../../../../selftest/types'
import { userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import '../../selftest.css'
import './index.css'

type DefinitionState =
  | { kind: 'loading' }
  | { kind: 'loaded'; def: ScaleDefinition }
  | { kind: 'error'; message: string }

export default function SelftestIntroPage() {
  const code = useRouter().params.code ?? ''
  const [state, setState] = useState<DefinitionState>({ kind: 'loading' })
  const [saved, setSaved] = useState<SavedProgress>({ kind: 'none' })

  const load = useCallback(() => {
    setState({ kind: 'loading' })
    let current = true
    loadDefinition(code, { fresh: true }).then(
      (def) => current && setState({ kind: 'loaded', def }),
      (error: unknown) => current && setState({ kind: 'error', message: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [code])

  useEffect(() => load(), [load])

  const def = state.kind === 'loaded' ? state.def : null
  const checkSaved = useCallback(() => {
    if (def) setSaved(progressStore.load({ code: def.code, version: def.version, itemCount: def.items.length }))
  }, [def])
  useEffect(checkSaved, [checkSaved])
  // Coming back from the questions (back button) shows the new progress.
  useDidShow(checkSaved)

  if (!def) {
    return (
      <View className='page selftest-intro'>
        <View className={`card ${state.kind === 'error' ? 'selftest-intro-error' : 'selftest-intro-loading'}`}>
          <Text className='card-text'>{state.kind === 'error' ? `这份自测暂时没有打开：${state.message}` : '正在打开…'}</Text>
          {state.kind === 'error' ? (
            <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={load}>
              <Text>点此重试</Text>
            </View>
          ) : null}
        </View>
        <CrisisEntry />
      </View>
    )
  }

  const start = () => {
    progressStore.start({ code: def.code, version: def.version, itemCount: def.items.length })
    openRoute('selftestQuestion', { code: def.code })
  }
  const resume = () => openRoute('selftestQuestion', { code: def.code })

  return (
    <View className='page selftest-intro'>
      <Text className='page-title selftest-intro__title'>{def.title.zh}</Text>
      <Text className='selftest-intro__meta'>{scaleMeta({ minutes: def.minutes, itemCount: def.items.length })}{def.audience.zh ? ` · 适合${def.audience.zh}` : ''}</Text>

      <View className='card'>
        <Text className='selftest-intro__label'>这份自测了解什么</Text>
        <Text className='card-text selftest-intro__purpose'>{def.purpose}</Text>
      </View>

      <View className='card'>
        <Text className='selftest-intro__label'>怎么作答</Text>
        {def.timeframe ? <Text className='card-text selftest-intro__timeframe'>请回想：{def.timeframe}</Text> : null}
        <Text className='card-text selftest-intro__instructions'>{def.instructions}</Text>
      </View>

      <View className='card selftest-privacy'>
        <Text className='selftest-intro__label'>匿名自测，不会保存你的答案</Text>
        <Text className='card-text'>不需要登录。服务器只用你的答案算出结果，不保存答案，也不记下你是谁，只做一次匿名计数（哪份量表、哪个结果区间、哪一周）。答题进度暂存在这台手机上，方便中途离开后接着做，提交后就清除。</Text>
      </View>

      <Text className='selftest-disclaimer'>自测结果只是筛查参考，不是诊断。</Text>

      {saved.kind === 'outdated' ? (
        <Text className='selftest-intro__notice'>这份自测的内容更新了，上次没做完的答案已经清除，需要重新开始。</Text>
      ) : null}

      {saved.kind === 'resumable' && saved.answered > 0 ? (
        <View className='selftest-intro__actions'>
          <Text className='selftest-intro__notice'>上次做到一半（已答 {saved.answered} / {def.items.length} 题）。</Text>
          <View className='selftest-button selftest-resume' hoverClass='selftest-button--pressed' onClick={resume}>
            <Text>继续上次</Text>
          </View>
          <View className='selftest-button selftest-button--secondary selftest-restart' hoverClass='selftest-button--pressed' onClick={start}>
            <Text>重新开始</Text>
          </View>
        </View>
      ) : (
        <View className='selftest-intro__actions'>
          <View className='selftest-button selftest-start' hoverClass='selftest-button--pressed' onClick={start}>
            <Text>开始自测</Text>
          </View>
        </View>
      )}

      <CrisisEntry />
      {def.citation ? (
        <Text className='footnote selftest-intro__citation'>量表出处：{def.citation.original}{def.license ? `（版权：${def.license.holder}）` : ''}</Text>
      ) : null}
    </View>
  )
}
