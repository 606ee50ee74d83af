import { ratingBody, ratingError, scoreLabel } from './rating'

describe('rating', () => {
  test('score 1–5 whole stars only; comment ≤ 500', () => {
    expect(ratingError(0, '')).toContain('打个分')
    expect(ratingError(6, '')).not.toBeNull()
    expect(ratingError(2.5, '')).not.toBeNull()
    expect(ratingError(5, '')).toBeNull()
    expect(ratingError(4, '字'.repeat(500))).toBeNull()
    expect(ratingError(4, '字'.repeat(501))).toContain('500')
  })

  test('body leaves an empty comment out', () => {
    expect(ratingBody(5, '  ')).toEqual({ score: 5 })
    expect(ratingBody(4, ' 很耐心 ')).toEqual({ score: 4, comment: '很耐心' })
    expect(scoreLabel(5)).toBe('非常满意')
    expect(scoreLabel(0)).toBe('')
  })
})
