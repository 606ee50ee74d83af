import type { AuthResult } from './api'
import { ApiError } from './errors'
import { createSession, H5_LOGIN_DISABLED_MESSAGE, WECHAT_LOGIN_FAILED_MESSAGE, type SessionDeps, type SessionState } from './session'
import type { KeyValueStore } from './storage'

const KEYS = { token: 'test.token', devOpenid: 'test.devOpenid' }

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value)
    },
    remove: (key) => {
      data.delete(key)
    },
  }
}

function auth(token: string, id: string): AuthResult {
  return { token, user: { id } }
}

function deps(overrides: Partial<SessionDeps> = {}): SessionDeps {
  return {
    platform: 'weapp',
    allowDevLogin: true,
    wechatCode: jest.fn(async () => 'wx-code-1'),
    loginWithWeChat: jest.fn(async () => auth('wx-token', 'user-wx')),
    devLogin: jest.fn(async () => auth('dev-token', 'user-dev')),
    store: memoryStore(),
    randomId: () => 'abc123',
    keys: KEYS,
    ...overrides,
  }
}

describe('session on weapp', () => {
  test('starts pending, exchanges the wx.login code and stores the token', async () => {
    const d = deps()
    const session = createSession(d)
    expect(session.getState().status).toBe('pending')

    const state = await session.start()

    expect(d.loginWithWeChat).toHaveBeenCalledWith('wx-code-1')
    expect(d.devLogin).not.toHaveBeenCalled()
    expect(state).toEqual({ status: 'ready', userId: 'user-wx', error: null })
    expect(d.store.get(KEYS.token)).toBe('wx-token')
  })

  test('when the API refuses the code, fails with the Chinese message and keeps no token', async () => {
    const store = memoryStore({ [KEYS.token]: 'old-token' })
    const d = deps({
      store,
      loginWithWeChat: jest.fn(async () => {
        throw new ApiError(401, 'WECHAT_CODE_INVALID', '微信登录凭证已失效，请重新进入小程序')
      }),
    })

    const state = await createSession(d).start()

    expect(state).toEqual({ status: 'failed', userId: null, error: '微信登录凭证已失效，请重新进入小程序' })
    expect(store.get(KEYS.token)).toBeNull()
  })

  test('when wx.login itself fails, fails without calling the API', async () => {
    const d = deps({ wechatCode: jest.fn(async () => Promise.reject(new Error('login:fail'))) })
    const state = await createSession(d).start()
    expect(state.status).toBe('failed')
    expect(state.error).toBe(WECHAT_LOGIN_FAILED_MESSAGE)
    expect(d.loginWithWeChat).not.toHaveBeenCalled()
  })

  test('an unexpected error still ends in failed with the generic message, never a rejection', async () => {
    const d = deps({ loginWithWeChat: jest.fn(async () => Promise.reject(new TypeError('boom'))) })
    await expect(createSession(d).start()).resolves.toMatchObject({ status: 'failed', error: '网络不太稳定，请稍后再试' })
  })
})

describe('session on h5', () => {
  test('creates an h5- openid once, keeps it in storage and reuses it on the next launch', async () => {
    const store = memoryStore()
    const first = deps({ platform: 'h5', store, randomId: () => 'r4nd0m' })
    await createSession(first).start()
    expect(first.devLogin).toHaveBeenCalledWith('h5-r4nd0m')
    expect(store.get(KEYS.devOpenid)).toBe('h5-r4nd0m')
    expect(store.get(KEYS.token)).toBe('dev-token')

    const second = deps({ platform: 'h5', store, randomId: () => 'different' })
    const state = await createSession(second).start()
    expect(second.devLogin).toHaveBeenCalledWith('h5-r4nd0m')
    expect(state).toEqual({ status: 'ready', userId: 'user-dev', error: null })
    expect(second.wechatCode).not.toHaveBeenCalled()
  })

  test('replaces a stored openid that lacks the h5- prefix', async () => {
    const store = memoryStore({ [KEYS.devOpenid]: 'o-real-wechat-openid' })
    const d = deps({ platform: 'h5', store, randomId: () => 'fresh' })
    await createSession(d).start()
    expect(d.devLogin).toHaveBeenCalledWith('h5-fresh')
  })

  test('when dev login is not allowed (production H5), fails without any request', async () => {
    const d = deps({ platform: 'h5', allowDevLogin: false })
    const state = await createSession(d).start()
    expect(state).toEqual({ status: 'failed', userId: null, error: H5_LOGIN_DISABLED_MESSAGE })
    expect(d.devLogin).not.toHaveBeenCalled()
    expect(d.loginWithWeChat).not.toHaveBeenCalled()
  })
})

describe('session state and retry', () => {
  test('notifies subscribers on each change and stops after unsubscribe', async () => {
    let fail = true
    const d = deps({
      loginWithWeChat: jest.fn(async () => {
        if (fail) throw new ApiError(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试')
        return auth('t2', 'user-2')
      }),
    })
    const session = createSession(d)
    const seen: SessionState['status'][] = []
    const unsubscribe = session.subscribe((state) => seen.push(state.status))

    await session.start()
    fail = false
    await session.start()
    unsubscribe()
    await session.start()

    expect(seen).toEqual(['failed', 'pending', 'ready'])
    expect(session.getState()).toEqual({ status: 'ready', userId: 'user-2', error: null })
  })

  test('concurrent starts share one login attempt', async () => {
    let release: (value: AuthResult) => void = () => undefined
    const d = deps({ loginWithWeChat: jest.fn(() => new Promise<AuthResult>((resolve) => { release = resolve })) })
    const session = createSession(d)

    const first = session.start()
    const second = session.start()
    await new Promise((resolve) => setImmediate(resolve)) // let wx.login resolve so the API call starts
    expect(d.loginWithWeChat).toHaveBeenCalledTimes(1)
    release(auth('t', 'u'))

    expect(await first).toEqual(await second)
    expect(d.wechatCode).toHaveBeenCalledTimes(1)
    expect(d.loginWithWeChat).toHaveBeenCalledTimes(1)
  })
})
