import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { formatDate, newestFirst, trendBars } from '../../../../me/logic'
import type { SavedAssessmentList } from '../../../../me/types'
import { deleteAllSavedAssessments, deleteSavedAssessment, listConsents, listSavedAssessments, withdrawConsent } from '../../../../services/api'
import { useSession } from '../../../../services/app-session'
import { userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import '../../selftest.css'
import './index.css'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; list: SavedAssessmentList; consented: boolean }

/** confirmText: at most 4 Chinese characters (WeChat and Taro H5 refuse longer ones). */
async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#a8431f' })
    return res.confirm
  } catch {
    return false
  }
}

export default function SelftestRecordsPage() {
  const { status } = useSession()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [list, consents] = await Promise.all([listSavedAssessments(), listConsents()])
      setLoad({ kind: 'loaded', list, consented: consents.some((c) => c.purpose === 'store_results') })
    } catch (error) {
      setLoad({ kind: 'error', message: userMessage(error) })
    }
  }, [])

  // First load once signed in (sign-in may finish after the page opened); reload when the page shows again.
  useEffect(() => {
    if (status === 'ready') void refresh()
  }, [status, refresh])
  useDidShow(() => {
    if (status === 'ready' && load.kind !== 'loading') void refresh()
  })

  const act = async (run: () => Promise<void>, done: string) => {
    setNotice(null)
    try {
      await run()
      setNotice(done)
    } catch (error) {
      setNotice(userMessage(error))
    }
    await refresh()
  }

  const removeOne = async (id: string) => {
    if (await confirm('删除这条记录？', '删除后无法恢复。', '删除')) await act(() => deleteSavedAssessment(id), '已删除这条记录')
  }
  const removeAll = async () => {
    if (await confirm('删除全部记录？', '所有保存的自测记录都会被删除，无法恢复。', '全部删除')) await act(deleteAllSavedAssessments, '已删除全部记录')
  }
  const withdraw = async () => {
    if (await confirm('撤回保存授权？', '撤回后，你保存的全部自测记录会立即删除，以后也不会再保存，除非你再次选择保存。', '撤回')) {
      await act(() => withdrawConsent('store_results'), '已撤回保存授权，记录已全部删除')
    }
  }

  let body
  if (status !== 'ready' || load.kind === 'loading') {
    body = <View className='card'><Text className='card-text records-loading'>{status === 'failed' ? '暂时无法登录，请到「我的」重试' : '正在加载…'}</Text></View>
  } else if (load.kind === 'error') {
    body = (
      <View className='card records-error'>
        <Text className='card-text'>{load.message}</Text>
        <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={() => void refresh()}>
          <Text>重试</Text>
        </View>
      </View>
    )
  } else {
    const items = newestFirst(load.list.items)
    const trends = load.list.trends.filter((t) => t.points.length > 0)
    body = (
      <>
        {items.length === 0 ? (
          <View className='card records-empty'>
            <Text className='card-text'>还没有保存的自测记录。自测默认是匿名的，只有你在结果页选择「保存这次结果」并同意后，记录才会保存在这里。</Text>
            <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={() => openRoute('tests')}>
              <Text>去做自测</Text>
            </View>
          </View>
        ) : null}

        {items.length > 0 ? (
          <View className='card records-list'>
            {items.map((item) => (
              <View key={item.id} className={`records-item records-item--${item.code}`} id={`record-${item.id}`}>
                <View className='records-item__body'>
                  <Text className='records-item__title'>{item.title}</Text>
                  <Text className='records-item__meta'>
                    <Text className='records-item__date'>{formatDate(item.createdAt)}</Text>
                    {' · '}
                    <Text className='records-item__score'>{item.total} 分</Text>
                    {item.band ? <Text className='records-item__band'>{` · ${item.band.label}`}</Text> : null}
                  </Text>
                </View>
                <View className='records-item__delete' hoverClass='records-item__delete--pressed' onClick={() => void removeOne(item.id)}>
                  <Text>删除</Text>
                </View>
              </View>
            ))}
          </View>
        ) : null}

        {trends.map((trend) => (
          <View key={trend.code} className={`card records-trend records-trend--${trend.code}`}>
            <Text className='selftest-section-title'>{trend.title} · 变化</Text>
            <View className='records-trend__chart'>
              {trendBars(trend).map((bar, i) => (
                <View key={`${bar.at}-${i}`} className='records-trend__col'>
                  <Text className='records-trend__value'>{bar.total}</Text>
                  <View className='records-trend__track'>
                    <View className='records-trend__bar' style={{ height: `${bar.percent}%` }} />
                  </View>
                  <Text className='records-trend__date'>{formatDate(bar.at)}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}

        {notice ? <Text className='records-notice'>{notice}</Text> : null}

        {items.length > 0 ? (
          <View className='selftest-button selftest-button--secondary records-delete-all' hoverClass='selftest-button--pressed' onClick={() => void removeAll()}>
            <Text>删除全部记录</Text>
          </View>
        ) : null}
        {load.consented ? (
          <View className='card records-withdraw'>
            <Text className='card-text'>你已同意保存自测结果。撤回授权会立即删除全部记录，之后的自测不会再保存。</Text>
            <View className='selftest-button selftest-button--secondary records-withdraw__button' hoverClass='selftest-button--pressed' onClick={() => void withdraw()}>
              <Text>撤回保存授权</Text>
            </View>
          </View>
        ) : null}
      </>
    )
  }

  return <View className='page selftest-records'>{body}</View>
}
