import { debounce } from './debounce'

describe('debounce', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('only the last call within the quiet period runs', () => {
    const fn = jest.fn()
    const d = debounce(fn, 400)
    d('失')
    jest.advanceTimersByTime(300)
    d('失眠')
    jest.advanceTimersByTime(399)
    expect(fn).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(fn).toHaveBeenCalledWith('失眠')
  })

  test('flush runs the waiting call at once (the keyboard search key); cancel drops it', () => {
    const fn = jest.fn()
    const d = debounce(fn, 400)
    d('a')
    d.flush()
    expect(fn).toHaveBeenCalledWith('a')
    d('b')
    d.cancel()
    jest.advanceTimersByTime(1000)
    expect(fn).toHaveBeenCalledTimes(1)
    d.flush()
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
