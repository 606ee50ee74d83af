/** The app's one session, wired to Taro. Started from app.ts `useLaunch`. */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { DEV_LOGIN_ALLOWED, PLATFORM } from '../env'
import { devLogin, loginWithWeChat } from './api'
import { randomBytes } from './random'
import { createSession, type SessionState } from './session'
import { STORAGE_KEYS, taroStore } from './storage'

function randomId(): string {
  return Array.from(randomBytes(12), (b) => b.toString(16).padStart(2, '0')).join('')
}

export const session = createSession({
  platform: PLATFORM,
  allowDevLogin: DEV_LOGIN_ALLOWED,
  async wechatCode() {
    const { code } = await Taro.login()
    if (!code) throw new Error('wx.login returned no code')
    return code
  },
  loginWithWeChat,
  devLogin,
  store: taroStore,
  randomId,
  keys: { token: STORAGE_KEYS.token, devOpenid: STORAGE_KEYS.devOpenid },
})

/** Current session state; re-renders the page when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState)
}
