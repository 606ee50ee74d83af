import { lockedUntil } from './lockout';

const policy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
const t0 = new Date('2026-11-23T08:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('lockedUntil', () => {
  test.each([
    ['no failures', [], 1, null],
    ['four failures do not lock', [0, 1, 2, 3], 4, null],
    ['the fifth failure locks for 15 minutes from it', [0, 1, 2, 3, 4], 5, at(19)],
    ['still locked one minute before the end', [0, 1, 2, 3, 4], 18, at(19)],
    ['unlocked when 15 minutes have passed', [0, 1, 2, 3, 4], 19, null],
    ['five failures spread over more than 15 minutes do not lock', [0, 4, 8, 12, 16], 17, null],
    ['a lock from failures that have slid out of the counting window still holds', [0, 1, 2, 3, 14], 20, at(29)],
    ['order of the input does not matter', [4, 0, 3, 1, 2], 5, at(19)],
  ])('%s', (_name, mins, nowMin, expected) => {
    expect(lockedUntil((mins as number[]).map(at), at(nowMin as number), policy)).toEqual(expected);
  });
});
