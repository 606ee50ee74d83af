import { nextLinks } from './next-steps'

describe('nextLinks', () => {
  test('maps each kind to its place in the app, in the server\'s order', () => {
    const links = nextLinks([
      { kind: 'booking', topic: 'counseling' },
      { kind: 'article', topic: 'depression-basics' },
      { kind: 'audio', topic: 'relaxation-breathing' },
      { kind: 'retest', topic: 'phq9' },
    ], 'phq9')
    expect(links.map((l) => l.action)).toEqual([
      { kind: 'route', route: 'bookingStations' },
      { kind: 'route', route: 'articles' },
      { kind: 'route', route: 'relax' },
      { kind: 'retest', code: 'phq9' },
    ])
    expect(links.map((l) => l.title)).toEqual(['预约心理咨询', '读一读：认识抑郁情绪', '听一听：放松呼吸练习', '过两周再测一次'])
  })

  test('a retest of another scale names it (PHQ-2 → PHQ-9)', () => {
    expect(nextLinks([{ kind: 'retest', topic: 'phq9' }], 'phq2', { phq9: 'PHQ-9' })[0]!.title).toBe('接着做：PHQ-9')
  })

  test('unknown topics fall back to the general label; unknown kinds and duplicates are dropped', () => {
    const links = nextLinks([
      { kind: 'article', topic: 'brand-new-topic' },
      { kind: 'article', topic: 'brand-new-topic' },
      { kind: 'podcast', topic: 'x' },
    ], 'gad7')
    expect(links.map((l) => l.title)).toEqual(['读一读相关科普'])
  })
})
