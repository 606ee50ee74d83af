/** The app's one session, wired to Taro. Started from app.ts `useLaunch`. */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { DEV_LOGIN_ALLOWED, PLATFORM } from '../env'
import { devLogin, loginWithWeChat } from './api'
import { createSession, type SessionState } from './session'
import { STORAGE_KEYS, taroStore } from './storage'

function randomId(): string {
  const bytes = new Uint8Array(12)
  const cryptoApi = typeof globalThis.crypto?.getRandomValues === 'function' ? globalThis.crypto : null
  if (cryptoApi) {
    cryptoApi.getRandomValues(bytes)
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
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
