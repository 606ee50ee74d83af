import { useEffect, useMemo } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import CrisisCard from '../../../../components/CrisisCard'
import CrisisEntry from '../../../../components/CrisisEntry'
import { cachedDefinition, flushOutbox, outbox, useOutboxState } from '../../../../selftest/app-selftest'
import { nextLinks, type NextAction } from '../../../../selftest/next-steps'
import { WAITING_MESSAGE } from '../../../../selftest/outbox'
import type { AssessmentResult } from '../../../../selftest/types'
import { useSession } from '../../../../services/app-session'
import { openRoute, replaceRoute } from '../../../../services/navigation'
import SaveResult from '../../components/SaveResult'
import { PLATFORM } from '../../../../env'
import RetestReminder from '../../components/RetestReminder'
import { canOfferReminder } from '../../../../selftest/reminder'
import '../../selftest.css'
import './index.css'

const DISCLAIMER = '自测结果只是筛查参考，不是诊断。如果你感到困扰，或结果让你担心，欢迎联系专业人员聊一聊。'

function follow(action: NextAction): void {
  if (action.kind === 'retest') replaceRoute('selftestIntro', { code: action.code })
  else openRoute(action.route)
}

function UrgentBox() {
  return (
    <View className='selftest-urgent'>
      <Text className='selftest-urgent__title'>建议尽快联系专业人员</Text>
      <Text className='selftest-urgent__text'>你最近承受的困扰比较重。最好在一两周内找心理咨询师，或到医院心理科、精神科当面聊一聊。这样的状态是可以改善的，你不必一个人扛。</Text>
      <View className='selftest-button selftest-urgent__booking' hoverClass='selftest-button--pressed' onClick={() => openRoute('bookingStations')}>
        <Text>预约心理咨询</Text>
      </View>
    </View>
  )
}

function ResultBody({ result, name, crisis }: { result: AssessmentResult; name: string; crisis: boolean }) {
  const links = nextLinks(result.next, result.code)
  return (
    <>
      <View className='card selftest-score'>
        <Text className='selftest-score__scale'>{name}</Text>
        <View className='selftest-score__line'>
          <Text className='selftest-score__label'>{result.scoreLabel}</Text>
          <Text className='selftest-score__total'>{result.total}</Text>
        </View>
        {result.band ? (
          <>
            <Text className='selftest-band'>{result.band.label}</Text>
            <Text className='card-text selftest-band__advice'>{result.band.advice}</Text>
          </>
        ) : null}
      </View>

      {/* Severe band without a crisis answer: see someone soon. With a crisis, the crisis card above says more. */}
      {result.urgent && !crisis ? <UrgentBox /> : null}

      {result.subscales.length > 0 ? (
        <View className='card selftest-subscales'>
          <Text className='selftest-section-title'>分项结果</Text>
          {result.subscales.map((s) => (
            <View key={s.key} className='selftest-subscale'>
              <View className='selftest-subscale__line'>
                <Text className='selftest-subscale__title'>{s.title}</Text>
                <Text className='selftest-subscale__total'>{s.total} 分{s.band ? ` · ${s.band.label}` : ''}</Text>
              </View>
              {s.band?.advice ? <Text className='selftest-subscale__advice'>{s.band.advice}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}

      {links.length > 0 ? (
        <View className='card selftest-next'>
          <Text className='selftest-section-title'>接下来可以做什么</Text>
          {links.map((link) => (
            <View key={link.key} className={`selftest-next__link selftest-next__link--${link.action.kind === 'route' ? link.action.route : 'retest'}`} hoverClass='selftest-next__link--pressed' onClick={() => follow(link.action)}>
              <View className='selftest-next__body'>
                <Text className='selftest-next__title'>{link.title}</Text>
                <Text className='selftest-next__hint'>{link.hint}</Text>
              </View>
              <Text className='selftest-next__arrow'>›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='selftest-disclaimer'>{result.disclaimer}</Text>
    </>
  )
}

/** 请站点联系我: for an urgent or crisis result, the station calls back (the form asks for consent). */
function ReferralEntry({ result, crisis }: { result: AssessmentResult; crisis: boolean }) {
  const query: Record<string, string> = {
    code: result.code,
    crisis: crisis ? '1' : '0',
    urgent: result.urgent ? '1' : '0',
  }
  if (result.band) query.band = result.band.key
  return (
    <View className='card selftest-referral'>
      <Text className='selftest-section-title'>想有人主动联系你？</Text>
      <Text className='card-text selftest-referral__text'>留下电话，附近的心安驿站会打给你，陪你一起想办法。</Text>
      <View className='selftest-button selftest-referral__open' hoverClass='selftest-button--pressed' onClick={() => openRoute('selftestReferral', query)}>
        <Text>请站点联系我</Text>
      </View>
    </View>
  )
}

export default function SelftestResultPage() {
  const params = useRouter().params
  const key = params.key ?? ''
  const code = params.code ?? ''
  useOutboxState() // re-render on every outbox change (the answer arriving, a failed resend)
  const status = outbox.status(key)
  const def = useMemo(() => (code ? cachedDefinition(code) : null), [code])
  const name = def?.title.zh ?? code.toUpperCase()

  const unseen = status.kind === 'delivered' && !status.delivered.seen
  useEffect(() => {
    if (unseen) outbox.markSeen(key)
  }, [unseen, key])

  const localCrisis = status.kind === 'delivered'
    ? status.delivered.localCrisisItems.length > 0
    : status.kind === 'pending' || status.kind === 'failed' ? status.submission.localCrisisItems.length > 0 : false
  const result = status.kind === 'delivered' ? status.delivered.result : null
  // Either side is enough: the app's bundled rules or the server's answer.
  const crisis = localCrisis || result?.crisis === true

  const { status: sessionStatus } = useSession()
  const signedIn = sessionStatus === 'ready'
  const answers = status.kind === 'delivered' ? status.delivered.answers : undefined

  let body
  if (result) {
    body = (
      <>
        <ResultBody result={result} name={name} crisis={crisis} />
        {signedIn && (result.urgent || crisis) ? <ReferralEntry result={result} crisis={crisis} /> : null}
        {/* Saving is offered, never automatic; anonymous stays the default. */}
        {signedIn && answers ? <SaveResult code={result.code} answers={answers} /> : null}
        {canOfferReminder({ platform: PLATFORM, templateId: RETEST_TEMPLATE_ID, signedIn }) ? <RetestReminder code={result.code} /> : null}
      </>
    )
  } else if (status.kind === 'pending') {
    const waiting = !status.sending && status.submission.attempts > 0
    body = (
      <View className='card selftest-pending'>
        <Text className='selftest-score__scale'>{name}</Text>
        <Text className='card-text selftest-pending__text'>{waiting ? (status.submission.error ?? WAITING_MESSAGE) : '正在计算结果…'}</Text>
        {waiting ? (
          <View className='selftest-button selftest-button--secondary selftest-pending__retry' hoverClass='selftest-button--pressed' onClick={() => void flushOutbox()}>
            <Text>现在重试</Text>
          </View>
        ) : null}
      </View>
    )
  } else if (status.kind === 'failed') {
    const redo = () => {
      outbox.dismissFailed(key)
      replaceRoute('selftestIntro', { code })
    }
    body = (
      <View className='card selftest-failed'>
        <Text className='card-text'>这次的答案没能算出结果：{status.submission.error ?? '请重新作答'}</Text>
        <View className='selftest-button selftest-failed__redo' hoverClass='selftest-button--pressed' onClick={redo}>
          <Text>重新作答</Text>
        </View>
      </View>
    )
  } else {
    body = (
      <View className='card selftest-missing'>
        <Text className='card-text'>没有找到这次自测的结果。</Text>
        <View className='selftest-button selftest-button--secondary' hoverClass='selftest-button--pressed' onClick={() => openRoute('tests')}>
          <Text>回到自测列表</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='page selftest-result'>
      {crisis ? <CrisisCard variant='result' /> : null}
      {body}
      {result ? null : <Text className='selftest-disclaimer'>{DISCLAIMER}</Text>}
      {crisis ? null : <CrisisEntry />}
    </View>
  )
}
