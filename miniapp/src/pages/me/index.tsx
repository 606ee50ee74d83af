import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { unreadMessageCount } from '../../booking/api'
import { unreadBadge } from '../../booking/messages'
import CrisisEntry from '../../components/CrisisEntry'
import { elderMode, useElderMode } from '../../content/app-content'
import type { RouteName } from '../../routes'
import { getMe } from '../../services/api'
import { session, useSession } from '../../services/app-session'
import { userMessage } from '../../services/errors'
import { openRoute } from '../../services/navigation'
import './index.css'

type Profile =
  | { kind: 'loading' }
  | { kind: 'loaded'; id: string }
  | { kind: 'error'; message: string }

const LINKS: ReadonlyArray<{ route: RouteName; text: string }> = [
  { route: 'favorites', text: '我的收藏' },
  { route: 'selftestRecords', text: '我的自测记录' },
  { route: 'selftestReferrals', text: '我的求助申请' },
  { route: 'bookingMine', text: '我的预约' },
  { route: 'bookingMessages', text: '消息' },
  { route: 'myPrivacy', text: '我的数据与注销' },
  { route: 'hotline', text: '心理援助热线' },
]

/** Last 6 characters: enough to tell accounts apart when talking to staff, nothing more. */
function shortId(id: string): string {
  return id.slice(-6)
}

export default function MePage() {
  const { status } = useSession()
  const elder = useElderMode()
  const [profile, setProfile] = useState<Profile>({ kind: 'loading' })
  // Unread booking messages (e.g. 预约已确认), refreshed each time 我的 is shown.
  const [unread, setUnread] = useState(0)
  const refreshUnread = () => {
    if (session.getState().status === 'ready') unreadMessageCount().then(setUnread, () => undefined)
  }
  useEffect(refreshUnread, [status])
  useDidShow(refreshUnread)

  useEffect(() => {
    if (status !== 'ready') {
      setProfile({ kind: 'loading' })
      return
    }
    let current = true
    getMe().then(
      (me) => current && setProfile({ kind: 'loaded', id: me.id }),
      (error: unknown) => current && setProfile({ kind: 'error', message: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [status])

  const retry = () => {
    void session.start()
  }

  let statusView
  if (status === 'failed' || profile.kind === 'error') {
    statusView = (
      <View className='me-status me-status--failed' hoverClass='me-status--pressed' onClick={retry}>
        <Text>暂时无法登录，点此重试</Text>
      </View>
    )
  } else if (status === 'ready' && profile.kind === 'loaded') {
    statusView = (
      <View className='me-status me-status--ready'>
        <Text>已登录</Text>
        <Text className='me-status__id'>编号 {shortId(profile.id)}</Text>
      </View>
    )
  } else {
    statusView = (
      <View className='me-status me-status--pending'>
        <Text>正在登录…</Text>
      </View>
    )
  }

  return (
    <View className='page me'>
      <CrisisEntry />
      <View className='card'>{statusView}</View>
      <View className='card me-links'>
        {LINKS.map((link) => (
          <View key={link.route} className={`me-link me-link--${link.route}`} hoverClass='me-link--pressed' onClick={() => openRoute(link.route)}>
            <Text>
              {link.text}
              {link.route === 'bookingMessages' && unreadBadge(unread) ? <Text className='me-link__unread'>{`（${unreadBadge(unread)} 条未读）`}</Text> : null}
            </Text>
            <Text className='me-link__arrow'>›</Text>
          </View>
        ))}
      </View>
      <View
        className={`card elder-mode-toggle${elder ? ' elder-mode-toggle--on' : ''}`}
        hoverClass='me-link--pressed'
        onClick={() => elderMode.set(!elder)}
      >
        <View className='elder-mode-toggle__body'>
          <Text className='elder-mode-toggle__title'>长辈模式</Text>
          <Text className='elder-mode-toggle__hint'>科普和放松页面的字更大、按钮更好点</Text>
        </View>
        <View className='elder-mode-switch'>
          <View className='elder-mode-switch__knob' />
        </View>
      </View>
    </View>
  )
}
