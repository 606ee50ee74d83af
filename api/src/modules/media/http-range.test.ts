import { decideRange, etagMatches } from './http-range';

describe('decideRange (RFC 9110 single byte ranges)', () => {
  test.each([
    ['bytes=0-99', 1000, { type: 'partial', start: 0, end: 99 }],
    ['bytes=100-', 1000, { type: 'partial', start: 100, end: 999 }],
    ['bytes=-500', 1000, { type: 'partial', start: 500, end: 999 }],
    ['bytes=-5000', 1000, { type: 'partial', start: 0, end: 999 }],
    ['bytes=990-2000', 1000, { type: 'partial', start: 990, end: 999 }],
    ['bytes=999-999', 1000, { type: 'partial', start: 999, end: 999 }],
    [' bytes=5-9 ', 1000, { type: 'partial', start: 5, end: 9 }],
  ])('%s of %i bytes → %o', (header, size, expected) => {
    expect(decideRange(header, size)).toEqual(expected);
  });

  test.each([
    ['bytes=1000-', 1000],
    ['bytes=1000-1001', 1000],
    ['bytes=99999999999999999999999-', 1000],
    ['bytes=-0', 1000],
    ['bytes=0-', 0],
  ])('%s of %i bytes is unsatisfiable', (header, size) => {
    expect(decideRange(header, size)).toEqual({ type: 'unsatisfiable' });
  });

  test.each([
    [undefined], [''], ['bytes=0-1,5-9'], ['items=0-5'], ['bytes=9-5'], ['bytes=a-b'], ['bytes=-'], ['bytes = 0-5'],
    ['bytes=0-5;'], ['bytes=' + '1'.repeat(200) + '-'],
  ])('%p is ignored: the whole file is sent', (header) => {
    expect(decideRange(header, 1000)).toEqual({ type: 'full' });
  });
});

describe('etagMatches', () => {
  const tag = '"abc"';
  test('If-None-Match uses weak comparison and understands lists and *', () => {
    expect(etagMatches('"abc"', tag, true)).toBe(true);
    expect(etagMatches('W/"abc"', tag, true)).toBe(true);
    expect(etagMatches('"x", "abc"', tag, true)).toBe(true);
    expect(etagMatches('*', tag, true)).toBe(true);
    expect(etagMatches('"abcd"', tag, true)).toBe(false);
    expect(etagMatches(undefined, tag, true)).toBe(false);
  });
  test('If-Range needs a strong match', () => {
    expect(etagMatches('"abc"', tag, false)).toBe(true);
    expect(etagMatches('W/"abc"', tag, false)).toBe(false);
    expect(etagMatches('*', tag, false)).toBe(false);
  });
});
