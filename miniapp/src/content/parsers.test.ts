import {
  BadContentError,
  parseArticleDetail,
  parseArticlePage,
  parseCategories,
  parseFavorites,
  parseListening,
  parseTrackDetail,
  parseTrackList,
  parseVideoList,
} from './parsers'

const card = (over: Record<string, unknown> = {}) => ({
  id: 'a1',
  slug: 'sleep-basics',
  title: '睡不着的夜里',
  summary: '摘要',
  category: '睡眠',
  audience: ['老年人'],
  tags: ['失眠'],
  cover: null,
  readingMinutes: 6,
  publishedAt: '2026-03-21T00:00:00.000Z',
  ...over,
})

describe('article payloads', () => {
  test('a list keeps good cards, drops malformed ones, and never reports fewer in total than it holds', () => {
    const page = parseArticlePage({ items: [card(), { title: 'no slug' }, null, card({ id: 'a2', slug: 'b' })], total: 1, page: 1, pageSize: 10 })
    expect(page.items.map((a) => a.slug)).toEqual(['sleep-basics', 'b'])
    expect(page.total).toBe(2)
  })

  test('a body without items is refused (the page shows its error state, not an empty list)', () => {
    expect(() => parseArticlePage({ total: 3 })).toThrow(BadContentError)
    expect(() => parseArticlePage('<html>')).toThrow(BadContentError)
  })

  test('odd field types fall back to safe values', () => {
    const [a] = parseArticlePage({ items: [card({ readingMinutes: 'six', tags: 'x', audience: [1, '老年人'], cover: 42 })], total: 1 }).items
    expect(a).toMatchObject({ readingMinutes: 1, tags: [], audience: ['老年人'], cover: null })
  })

  test('an article needs its html; references keep only http(s) links; related excludes itself and is at most 3', () => {
    expect(() => parseArticleDetail(card())).toThrow(BadContentError)
    const detail = parseArticleDetail({
      ...card(),
      html: '<p>正文</p>',
      references: [{ text: 'WHO', url: 'https://who.int' }, { text: '十条', url: 'javascript:alert(1)' }, { url: 'x' }, '纯文本'],
      reviewedBy: '王医生',
      reviewedAt: '2026-03-20T02:00:00.000Z',
      views: 3,
      related: [card(), card({ id: 'r1', slug: 'r1' }), card({ id: 'r2', slug: 'r2' }), card({ id: 'r3', slug: 'r3' }), card({ id: 'r4', slug: 'r4' })],
    })
    expect(detail.references).toEqual([
      { text: 'WHO', url: 'https://who.int' },
      { text: '十条', url: null },
      { text: '纯文本', url: null },
    ])
    expect(detail.related.map((r) => r.slug)).toEqual(['r1', 'r2', 'r3'])
  })

  test('categories keep name and count', () => {
    expect(parseCategories({ items: [{ name: '睡眠', count: 4 }, { name: '' }, { name: '焦虑' }] })).toEqual([
      { name: '睡眠', count: 4 },
      { name: '焦虑', count: 0 },
    ])
  })
})

describe('audio and video payloads', () => {
  const track = { id: 't1', title: '海浪', category: '自然声音', durationSec: 185.4, url: '/api/v1/media/m1', cover: '/api/v1/media/c1', description: 'd', guided: false }

  test('tracks need id, title and url; durations are whole seconds', () => {
    expect(parseTrackList({ items: [track, { ...track, url: '' }, { ...track, id: undefined }] })).toEqual([{ ...track, durationSec: 185 }])
  })

  test('a track detail adds transcript and plays', () => {
    expect(parseTrackDetail({ ...track, transcript: '吸气', plays: 7 })).toMatchObject({ transcript: '吸气', plays: 7 })
    expect(parseTrackDetail({ ...track, transcript: '' }).transcript).toBeNull()
    expect(() => parseTrackDetail({ id: 't1' })).toThrow(BadContentError)
  })

  test('videos', () => {
    expect(parseVideoList({ items: [{ id: 'v', title: '方块呼吸', url: '/api/v1/media/v', durationSec: 60 }, { id: 'x' }] })).toEqual([
      { id: 'v', title: '方块呼吸', url: '/api/v1/media/v', durationSec: 60, cover: null, description: '' },
    ])
  })
})

describe('resident payloads', () => {
  test('favorites: where to open comes from slug / target / url (last path segment), else the id', () => {
    const items = parseFavorites({
      items: [
        { kind: 'article', id: 'a1', title: '文章', slug: 'sleep-basics', createdAt: 'x' },
        { kind: 'article', id: 'a2', title: '文章2', url: '/articles/anxiety-101' },
        { kind: 'track', id: 't1', title: '海浪' },
        { kind: 'video', id: 'v1' },
        { kind: 'track' },
      ],
    })
    expect(items.map((f) => [f.kind, f.id, f.target])).toEqual([
      ['article', 'a1', 'sleep-basics'],
      ['article', 'a2', 'anxiety-101'],
      ['track', 't1', 't1'],
    ])
  })

  test('listening positions drop negative or missing positions', () => {
    expect(parseListening({ items: [{ trackId: 't', positionSec: 12, updatedAt: 'u' }, { trackId: 'x', positionSec: -1 }, { positionSec: 3 }] })).toEqual([
      { trackId: 't', positionSec: 12, updatedAt: 'u' },
    ])
  })
})
