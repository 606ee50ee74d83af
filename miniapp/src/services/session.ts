/**
 * Sign-in on launch, as a small subscribable state machine.
 * Pure: the platform functions (wx.login, the auth API, storage, randomness) are injected,
 * so jest drives it directly; services/app-session.ts wires the real ones.
 *
 *   weapp: wx.login() → POST /auth/wechat {code}
 *   h5:    (only when dev login is allowed) reuse or create openid `h5-<random>` → POST /auth/dev-login
 *
 * A failed sign-in never blocks the app: pages that need no account (hotline above all) keep
 * working, and 我的 offers a retry.
 */
import type { AuthResult } from './api'
import { userMessage } from './errors'
import type { KeyValueStore } from './storage'

export type SessionStatus = 'pending' | 'ready' | 'failed'

export interface SessionState {
  status: SessionStatus
  /** Resident id from the login response, when ready. */
  userId: string | null
  /** Chinese message explaining the failure, when failed. */
  error: string | null
}

export interface SessionDeps {
  platform: 'weapp' | 'h5'
  allowDevLogin: boolean
  /** wx.login(): resolves with the one-time code. */
  wechatCode(): Promise<string>
  loginWithWeChat(code: string): Promise<AuthResult>
  devLogin(openid: string): Promise<AuthResult>
  store: KeyValueStore
  /** Random url-safe string for a new H5 dev openid. */
  randomId(): string
  keys: { token: string; devOpenid: string }
}

export interface Session {
  getState(): SessionState
  /** Calls listener on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void
  /** Signs in (again). Concurrent calls share one attempt. Never rejects. */
  start(): Promise<SessionState>
}

export const H5_LOGIN_DISABLED_MESSAGE = '请在微信中打开心安驿站小程序登录'
export const WECHAT_LOGIN_FAILED_MESSAGE = '微信登录没有成功，请稍后再试'

const DEV_OPENID_PREFIX = 'h5-'

class SessionSetupError extends Error {}

export function createSession(deps: SessionDeps): Session {
  let state: SessionState = { status: 'pending', userId: null, error: null }
  const listeners = new Set<(state: SessionState) => void>()
  let attempt: Promise<SessionState> | null = null

  function setState(next: SessionState): void {
    state = next
    for (const listener of listeners) listener(state)
  }

  function devOpenid(): string {
    const stored = deps.store.get(deps.keys.devOpenid)
    if (stored && stored.startsWith(DEV_OPENID_PREFIX)) return stored
    const created = `${DEV_OPENID_PREFIX}${deps.randomId()}`
    deps.store.set(deps.keys.devOpenid, created)
    return created
  }

  async function signIn(): Promise<AuthResult> {
    if (deps.platform === 'weapp') {
      let code: string
      try {
        code = await deps.wechatCode()
      } catch {
        throw new SessionSetupError(WECHAT_LOGIN_FAILED_MESSAGE)
      }
      return deps.loginWithWeChat(code)
    }
    if (!deps.allowDevLogin) throw new SessionSetupError(H5_LOGIN_DISABLED_MESSAGE)
    return deps.devLogin(devOpenid())
  }

  function start(): Promise<SessionState> {
    if (attempt) return attempt
    if (state.status !== 'pending') setState({ status: 'pending', userId: null, error: null })
    attempt = signIn().then(
      (result) => {
        deps.store.set(deps.keys.token, result.token)
        setState({ status: 'ready', userId: result.user.id, error: null })
        return state
      },
      (error: unknown) => {
        // No trusted session: drop any older token so no request goes out under a stale identity.
        deps.store.remove(deps.keys.token)
        const message = error instanceof SessionSetupError ? error.message : userMessage(error)
        setState({ status: 'failed', userId: null, error: message })
        return state
      },
    ).finally(() => {
      attempt = null
    })
    return attempt
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    start,
  }
}
