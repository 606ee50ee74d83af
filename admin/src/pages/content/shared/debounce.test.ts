import { debounce, latestOnly, PREVIEW_DEBOUNCE_MS } from './debounce';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('debounce', () => {
  test('typing fast sends one preview, with the last text, once typing pauses', () => {
    const calls: string[] = [];
    const preview = debounce((text: string) => calls.push(text), PREVIEW_DEBOUNCE_MS);
    preview('焦');
    jest.advanceTimersByTime(300);
    preview('焦虑');
    jest.advanceTimersByTime(300);
    preview('焦虑时');
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(399);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual(['焦虑时']);
    jest.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
  });

  test('cancel drops the pending call; flush runs it at once, and only once', () => {
    const fn = jest.fn();
    const d = debounce(fn, 400);
    d('a');
    d.cancel();
    jest.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();

    d('b');
    expect(d.pending()).toBe(true);
    d.flush();
    expect(fn).toHaveBeenCalledWith('b');
    expect(d.pending()).toBe(false);
    jest.advanceTimersByTime(1000);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('latestOnly', () => {
  test('an answer to an older request is not current once a newer one is sent', () => {
    const gate = latestOnly();
    const first = gate.next();
    const second = gate.next();
    expect(gate.isCurrent(first)).toBe(false);
    expect(gate.isCurrent(second)).toBe(true);
  });
});
