/**
 * Crisis-line list assembly. Pure (no Taro imports) so jest tests it directly.
 * The local line itself is resolved at build time by config/local-hotline.ts.
 */

export interface Hotline {
  key: string
  name: string
  phone: string
  note: string
}

/**
 * The list the hotline page shows, in order: the national lines as listed in content
 * (12356 first), then the local line. A local line that repeats a national number is dropped.
 */
export function assembleHotlines(national: readonly Hotline[], local: Hotline): Hotline[] {
  if (!national.some((line) => line.phone === '12356')) {
    throw new Error('hotline content must include the national line 12356')
  }
  const lines = national.map((line) => ({ ...line }))
  if (!lines.some((line) => line.phone === local.phone)) {
    lines.push({ ...local })
  }
  return lines
}
