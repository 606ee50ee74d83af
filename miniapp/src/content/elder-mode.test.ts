import { memoryStore } from '../test-support/memory-store'
import { createElderModeSetting, withElderClass } from './elder-mode'

describe('长辈模式 setting', () => {
  test('off by default; switching it is remembered and tells every open page', () => {
    const store = memoryStore()
    const setting = createElderModeSetting(store, 'xinan.elderMode')
    const listener = jest.fn()
    const unsubscribe = setting.subscribe(listener)
    expect(setting.get()).toBe(false)
    setting.set(true)
    expect(setting.get()).toBe(true)
    expect(store.get('xinan.elderMode')).toBe('1')
    expect(listener).toHaveBeenCalledTimes(1)
    setting.set(true)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(createElderModeSetting(store, 'xinan.elderMode').get()).toBe(true)
    unsubscribe()
    setting.set(false)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.get('xinan.elderMode')).toBeNull()
  })

  test('storage refusing the write still switches it for now', () => {
    const store = memoryStore()
    store.failWrites = true
    const setting = createElderModeSetting(store, 'k')
    setting.set(true)
    expect(setting.get()).toBe(true)
  })

  test('root class', () => {
    expect(withElderClass('page articles', true)).toBe('page articles elder')
    expect(withElderClass('page articles', false)).toBe('page articles')
  })
})
