import { useCallback, useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import CrisisEntry from '../../components/CrisisEntry'
import { flushOutbox, useOutboxState } from '../../selftest/app-selftest'
import { ALL_FILTER, audienceFilters, groupScales, scaleMeta } from '../../selftest/catalog'
import type { ScaleSummary } from '../../selftest/types'
import { listScales } from '../../services/api'
import { userMessage } from '../../services/errors'
import { openRoute } from '../../services/navigation'
import './index.css'

type ListState =
  | { kind: 'loading' }
  | { kind: 'loaded'; scales: ScaleSummary[] }
  | { kind: 'error'; message: string }

/** Finished tests still waiting for the network, and results that came back while the person was elsewhere. */
function OutboxNotice({ names }: { names: Readonly<Record<string, string>> }) {
  const { submissions, delivered } = useOutboxState()
  const waiting = submissions.filter((s) => s.status === 'pending')
  const unseen = delivered.filter((d) => !d.seen)
  if (waiting.length === 0 && unseen.length === 0) return null
  const nameOf = (code: string) => names[code] ?? code.toUpperCase()
  return (
    <View className='card selftest-outbox'>
      {unseen.map((d) => (
        <View
          key={d.attemptKey}
          className='selftest-outbox__row selftest-outbox__row--ready'
          hoverClass='selftest-outbox__row--pressed'
          onClick={() => openRoute('selftestResult', { key: d.attemptKey, code: d.code })}
        >
          <Text>{nameOf(d.code)} 的结果已经出来了，点此查看</Text>
          <Text className='selftest-outbox__arrow'>›</Text>
        </View>
      ))}
      {waiting.map((s) => (
        <View
          key={s.attemptKey}
          className='selftest-outbox__row'
          hoverClass='selftest-outbox__row--pressed'
          onClick={() => openRoute('selftestResult', { key: s.attemptKey, code: s.code })}
        >
          <Text>{nameOf(s.code)} 的答案已保存在本机，联网后会自动提交</Text>
          <Text className='selftest-outbox__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}

export default function TestsPage() {
  const [list, setList] = useState<ListState>({ kind: 'loading' })
  const [filter, setFilter] = useState<string>(ALL_FILTER)

  const load = useCallback(() => {
    setList({ kind: 'loading' })
    let current = true
    listScales().then(
      ({ items }) => current && setList({ kind: 'loaded', scales: items }),
      (error: unknown) => current && setList({ kind: 'error', message: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [])

  useEffect(() => load(), [load])

  const scales = list.kind === 'loaded' ? list.scales : []
  const sections = useMemo(() => groupScales(scales, filter), [scales, filter])
  const filters = useMemo(() => audienceFilters(scales), [scales])
  const names = useMemo(() => Object.fromEntries(scales.map((s) => [s.code, s.abbreviation])), [scales])

  const retry = () => {
    load()
    void flushOutbox()
  }

  let body
  if (list.kind === 'loading') {
    body = (
      <View className='card selftest-list-loading'>
        <Text className='card-text'>正在加载自测量表…</Text>
      </View>
    )
  } else if (list.kind === 'error') {
    body = (
      <View className='card selftest-list-error'>
        <Text className='card-text'>量表暂时没有加载出来：{list.message}</Text>
        <View className='selftest-retry' hoverClass='selftest-retry--pressed' onClick={retry}>
          <Text>点此重试</Text>
        </View>
      </View>
    )
  } else if (scales.length === 0) {
    body = (
      <View className='card selftest-list-empty'>
        <Text className='card-text'>现在还没有可以做的自测，请过几天再来看看。</Text>
      </View>
    )
  } else {
    body = (
      <View className='selftest-list'>
        <View className='selftest-filter'>
          {filters.map((chip) => (
            <View
              key={chip.tag}
              className={`selftest-filter__chip${chip.tag === filter ? ' selftest-filter__chip--on' : ''}`}
              onClick={() => setFilter(chip.tag)}
            >
              <Text>{chip.label}</Text>
            </View>
          ))}
        </View>
        {sections.map((section) => (
          <View key={section.tag} className='selftest-section'>
            <View className='selftest-section__head'>
              <Text className='selftest-section__title'>{section.label}</Text>
              {section.lead ? <Text className='selftest-section__lead'>{section.lead}</Text> : null}
            </View>
            {section.scales.map((scale) => (
              <View
                key={scale.code}
                id={`selftest-item-${scale.code}`}
                className='selftest-item'
                hoverClass='selftest-item--pressed'
                onClick={() => openRoute('selftestIntro', { code: scale.code })}
              >
                <View className='selftest-item__body'>
                  <Text className='selftest-item__title'>{scale.title.zh}</Text>
                  <Text className='selftest-item__meta'>{scaleMeta(scale)}</Text>
                </View>
                <Text className='selftest-item__arrow'>›</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className='page tests'>
      <CrisisEntry />
      <Text className='page-title'>心理自测</Text>
      <Text className='page-lead'>花几分钟，安静地问问自己最近过得怎么样。匿名作答，不需要登录；每份都是常用的正式量表。</Text>
      <OutboxNotice names={names} />
      {body}
      <Text className='footnote'>自测结果只是筛查参考，不是诊断。如果你感到困扰，可以预约心理咨询。</Text>
    </View>
  )
}
