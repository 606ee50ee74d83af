import { apiOrigin, resolveMediaUrl } from './media-url'

describe('media URLs', () => {
  test('the API origin of an absolute base, none for a same-origin base', () => {
    expect(apiOrigin('https://api.example.cn/api/v1')).toBe('https://api.example.cn')
    expect(apiOrigin('http://127.0.0.1:3000/api/v1')).toBe('http://127.0.0.1:3000')
    expect(apiOrigin('/api/v1')).toBe('')
  })

  test('H5 (same origin) keeps root-relative paths; weapp gets the API origin in front', () => {
    expect(resolveMediaUrl('/api/v1/media/abc', '/api/v1')).toBe('/api/v1/media/abc')
    expect(resolveMediaUrl('/api/v1/media/abc', 'https://api.example.cn/api/v1')).toBe('https://api.example.cn/api/v1/media/abc')
  })

  test('absolute http(s) URLs stay; other schemes and protocol-relative URLs are refused', () => {
    expect(resolveMediaUrl('https://cdn.example.cn/a.mp3', '/api/v1')).toBe('https://cdn.example.cn/a.mp3')
    expect(resolveMediaUrl('javascript:alert(1)', '/api/v1')).toBeNull()
    expect(resolveMediaUrl('//evil.example/x', '/api/v1')).toBeNull()
    expect(resolveMediaUrl('', '/api/v1')).toBeNull()
    expect(resolveMediaUrl(null, '/api/v1')).toBeNull()
  })
})
