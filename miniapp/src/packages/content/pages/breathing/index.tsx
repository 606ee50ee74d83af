import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { useElderMode } from '../../../../content/app-content'
import {
  DEFAULT_ROUNDS,
  frameAt,
  isPatternKey,
  PATTERNS,
  ROUND_CHOICES,
  roundText,
  SCALE_EMPTY,
  type BreathingFrame,
  type PatternKey,
} from '../../../../content/breathing'
import { withElderClass } from '../../../../content/elder-mode'
import { PLATFORM } from '../../../../env'
import '../../../../content/content.css'
import '../../content.css'
import './index.css'

const TICK_MS = 200

function keepScreenOn(on: boolean): void {
  // weapp: the screen should not dim in the middle of a breath. Taro H5 only stubs this API (with a warning).
  if (PLATFORM !== 'weapp') return
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}

export default function BreathingPage() {
  const elder = useElderMode()
  const requested = useRouter().params.pattern
  const [patternKey, setPatternKey] = useState<PatternKey>(isPatternKey(requested) ? requested : '478')
  const [rounds, setRounds] = useState<number | null>(DEFAULT_ROUNDS)
  const [startedAt, setStartedAt] = useState<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const pattern = PATTERNS[patternKey]

  const frame: BreathingFrame = startedAt === null ? { kind: 'idle' } : frameAt(pattern, now - startedAt, rounds)
  const running = frame.kind === 'running'

  useEffect(() => {
    if (!running) return
    const tick = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(tick)
  }, [running])

  useEffect(() => {
    keepScreenOn(running)
  }, [running])
  useUnload(() => keepScreenOn(false))

  const start = () => {
    const at = Date.now()
    setNow(at)
    setStartedAt(at)
  }
  const stop = () => setStartedAt(null)
  const choosePattern = (key: PatternKey) => {
    setPatternKey(key)
    setStartedAt(null)
  }
  const chooseRounds = (choice: number | null) => {
    setRounds(choice)
    setStartedAt(null)
  }

  const scale = frame.kind === 'running' ? frame.targetScale : SCALE_EMPTY
  const transitionMs = frame.kind === 'running' ? frame.transitionMs : 600
  const circleStyle = {
    transform: `scale(${scale})`,
    transition: `transform ${transitionMs}ms ease-in-out`,
  }

  return (
    <View className={withElderClass('page breathing-page', elder)}>
      <View className='breathing-patterns'>
        {(Object.keys(PATTERNS) as PatternKey[]).map((key) => (
          <View
            key={key}
            className={`content-chip breathing-pattern breathing-pattern--${key}${key === patternKey ? ' content-chip--on breathing-pattern--on' : ''}`}
            onClick={() => choosePattern(key)}
          >
            <Text>{PATTERNS[key].name}</Text>
          </View>
        ))}
      </View>
      <Text className='breathing-description'>{pattern.description}</Text>

      <View className='breathing-stage'>
        <View className={`breathing-circle breathing-circle--${frame.kind === 'running' ? frame.phase.kind : 'idle'}`} style={circleStyle} />
        <View className='breathing-center'>
          {frame.kind === 'running' ? (
            <>
              <Text className='breathing-label'>{frame.label}</Text>
              <Text className='breathing-count'>{frame.secondsLeft}</Text>
            </>
          ) : (
            <Text className='breathing-label breathing-label--idle'>{frame.kind === 'done' ? '练完了' : '准备好了就开始'}</Text>
          )}
        </View>
      </View>

      <Text className='breathing-rounds'>{frame.kind === 'running' ? roundText(frame, rounds) : ' '}</Text>

      {frame.kind === 'done' ? (
        <Text className='breathing-done'>留意一下现在身体的感觉，怎样都可以。想再来一次，随时点「开始」。</Text>
      ) : null}

      <View className='breathing-actions'>
        {running ? (
          <View className='content-button content-button--secondary breathing-stop' hoverClass='content-button--pressed' onClick={stop}>
            <Text>停止</Text>
          </View>
        ) : (
          <View className='content-button breathing-start' hoverClass='content-button--pressed' onClick={start}>
            <Text>开始</Text>
          </View>
        )}
      </View>

      <View className='breathing-round-choices'>
        <Text className='breathing-round-choices__label'>练几轮：</Text>
        {ROUND_CHOICES.map((choice) => (
          <View
            key={String(choice)}
            className={`content-chip breathing-rounds-option${choice === rounds ? ' content-chip--on breathing-rounds-option--on' : ''}`}
            onClick={() => chooseRounds(choice)}
          >
            <Text>{choice === null ? '不限' : `${choice}轮`}</Text>
          </View>
        ))}
      </View>

      <Text className='footnote'>按自己舒服的节奏来，数不准也没关系。如果感到头晕，就停下来，恢复平常的呼吸。</Text>
    </View>
  )
}
