import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import CrisisCard from '../../../../components/CrisisCard'
import CrisisEntry from '../../../../components/CrisisEntry'
import { flushOutbox, loadDefinition, localCrisisItems, outbox, progressStore } from '../../../../selftest/app-selftest'
import { optionsFor } from '../../../../selftest/definition'
import { firstUnanswered, isComplete, type Progress } from '../../../../selftest/progress'
import type { ScaleDefinition } from '../../../../selftest/types'
import { userMessage } from '../../../../services/errors'
import { replaceRoute } from '../../../../services/navigation'
import '../../selftest.css'
import './index.css'

/** Long enough to see the chosen option light up before the next question slides in. */
const ADVANCE_DELAY_MS = 280

type Loaded = { def: ScaleDefinition; progress: Progress }
type PageState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

export default function SelftestQuestionPage() {
  const code = useRouter().params.code ?? ''
  const [pageState, setPageState] = useState<PageState>({ kind: 'loading' })
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  // The latest progress for the delayed auto-advance (state inside a timer callback would be stale).
  const latest = useRef<Loaded | null>(null)
  const advanceTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)

  const show = (next: Loaded) => {
    latest.current = next
    setLoaded(next)
  }

  const cancelAdvance = () => {
    if (advanceTimer.current !== null) clearTimeout(advanceTimer.current)
    advanceTimer.current = null
  }
  useUnload(cancelAdvance)

  useEffect(() => {
    let current = true
    // Device copy first: a test started online can be finished offline.
    loadDefinition(code, { fresh: false }).then(
      (def) => {
        if (!current) return
        const identity = { code: def.code, version: def.version, itemCount: def.items.length }
        const saved = progressStore.load(identity)
        const progress = saved.kind === 'resumable' ? saved.progress : progressStore.start(identity)
        void Taro.setNavigationBarTitle({ title: def.abbreviation })
        show({ def, progress })
        setPageState({ kind: 'ready' })
      },
      (error: unknown) => current && setPageState({ kind: 'error', message: userMessage(error) }),
    )
    return () => {
      current = false
      cancelAdvance()
    }
  }, [code])

  if (pageState.kind !== 'ready' || !loaded) {
    return (
      <View className='page selftest-question'>
        <View className='card'>
          <Text className='card-text'>{pageState.kind === 'error' ? `题目暂时没有打开：${pageState.message}` : '正在打开…'}</Text>
        </View>
        <CrisisEntry />
      </View>
    )
  }

  const { def, progress } = loaded
  const index = progress.index
  const item = def.items[index]!
  const total = def.items.length
  const chosen = progress.answers[index] ?? null
  const isLast = index === total - 1
  const crisisHits = localCrisisItems(def.code, progress.answers, def)

  const choose = (value: number) => {
    cancelAdvance()
    const next = progressStore.answer(progress, index, value)
    show({ def, progress: next })
    // A critical answer keeps this screen, with the crisis card on it, until the person moves on themselves.
    const critical = localCrisisItems(def.code, next.answers, def).includes(item.n)
    if (isLast || critical) return
    advanceTimer.current = setTimeout(() => {
      advanceTimer.current = null
      const now = latest.current
      if (now && now.progress.index === index) show({ def, progress: progressStore.moveTo(now.progress, index + 1) })
    }, ADVANCE_DELAY_MS)
  }

  const goTo = (target: number) => {
    cancelAdvance()
    show({ def, progress: progressStore.moveTo(progress, target) })
  }

  const back = () => {
    if (index > 0) goTo(index - 1)
    else void Taro.navigateBack()
  }

  const submit = () => {
    cancelAdvance()
    if (!isComplete(progress)) {
      goTo(firstUnanswered(progress))
      return
    }
    const answers = progress.answers.map((a) => a ?? 0) // complete: no nulls left
    try {
      outbox.enqueue({
        attemptKey: progress.attemptKey,
        code: def.code,
        version: def.version,
        answers,
        localCrisisItems: localCrisisItems(def.code, answers, def),
      })
    } catch {
      // Storage refused the outbox write: keep the saved progress and say so, rather than lose the answers.
      setSaveError('手机存储空间不足，答案暂时没能保存。请清理一些空间后再点「提交」，已答的题目都还在。')
      return
    }
    progressStore.clear(def.code)
    void flushOutbox()
    replaceRoute('selftestResult', { key: progress.attemptKey, code: def.code })
  }

  return (
    <View className='page selftest-question'>
      {crisisHits.length > 0 ? <CrisisCard variant='inline' /> : null}

      <View className='selftest-progress'>
        <Text className='selftest-progress__text'>第 {index + 1} / {total} 题</Text>
        <View className='selftest-progress__track'>
          <View className='selftest-progress__bar' style={{ width: `${Math.round(((index + 1) / total) * 100)}%` }} />
        </View>
      </View>

      {def.timeframe ? <Text className='selftest-question__timeframe'>请回想：{def.timeframe}</Text> : null}
      {def.instructions ? <Text className='selftest-question__instructions'>{def.instructions}</Text> : null}

      <View className='selftest-question__card'>
        <Text className='selftest-question__number'>{item.n}.</Text>
        <Text className='selftest-question__text'>{item.text}</Text>
        {item.hint ? <Text className='selftest-question__hint'>{item.hint}</Text> : null}
      </View>

      <View className='selftest-options'>
        {optionsFor(def, item.n).map((option) => (
          <View
            key={`${item.n}-${option.value}-${option.label}`}
            className={`selftest-option${chosen === option.value ? ' selftest-option--selected' : ''}`}
            hoverClass='selftest-option--pressed'
            onClick={() => choose(option.value)}
          >
            <Text className='selftest-option__mark'>{chosen === option.value ? '✓' : ''}</Text>
            <Text className='selftest-option__label'>{option.label}</Text>
          </View>
        ))}
      </View>

      {saveError ? <Text className='selftest-question__error'>{saveError}</Text> : null}

      <View className='selftest-nav'>
        <View className='selftest-button selftest-button--secondary selftest-nav__prev' hoverClass='selftest-button--pressed' onClick={back}>
          <Text>{index > 0 ? '上一题' : '返回'}</Text>
        </View>
        {isLast ? (
          <View
            className={`selftest-button selftest-submit${isComplete(progress) ? '' : ' selftest-button--disabled'}`}
            hoverClass='selftest-button--pressed'
            onClick={submit}
          >
            <Text>提交，看结果</Text>
          </View>
        ) : (
          <View
            className={`selftest-button selftest-nav__next${chosen === null ? ' selftest-button--disabled' : ''}`}
            hoverClass='selftest-button--pressed'
            onClick={() => chosen !== null && goTo(index + 1)}
          >
            <Text>下一题</Text>
          </View>
        )}
      </View>
      <Text className='footnote'>答案会随时保存在这台手机上，中途离开也不会丢。</Text>
    </View>
  )
}
