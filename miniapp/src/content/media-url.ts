/**
 * The API returns media as root-relative paths (`/api/v1/media/<id>`). H5 is served by the API, so those work
 * as they are; weapp needs the API's origin in front (taken from the build's absolute API base). Pure.
 */

/** "https://host:port" of an absolute API base, '' for a same-origin base like '/api/v1'. */
export function apiOrigin(apiBase: string): string {
  const match = /^(https?:\/\/[^/?#]+)/i.exec(apiBase.trim())
  return match?.[1] ?? ''
}

/** An URL the platform can load: absolute http(s) kept, root-relative prefixed with the API origin; anything else null. */
export function resolveMediaUrl(url: string | null | undefined, apiBase: string): string | null {
  if (!url) return null
  const trimmed = url.trim()
  if (/^https?:\/\//i.test(trimmed)) return trimmed
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return `${apiOrigin(apiBase)}${trimmed}`
  return null
}
