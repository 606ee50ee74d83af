import { loginPathFor, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  test.each<[string | null | undefined, string]>([
    [null, '/'],
    [undefined, '/'],
    ['', '/'],
    ['/stations', '/stations'],
    ['/stations?page=2', '/stations?page=2'],
    ['stations', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?from=/staff', '/'],
  ])('%p → %p', (from, expected) => {
    expect(safeReturnPath(from)).toBe(expected);
  });
});

describe('loginPathFor', () => {
  test.each([
    ['/', '/login'],
    ['/stations?page=2', '/login?from=%2Fstations%3Fpage%3D2'],
    ['//evil.example', '/login'],
  ])('%p → %p', (path, expected) => {
    expect(loginPathFor(path)).toBe(expected);
  });
});
