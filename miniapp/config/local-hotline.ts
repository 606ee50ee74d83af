/**
 * Build-time choice of the local crisis line (becomes the LOCAL_HOTLINE constant).
 * Lives in config/ because Taro only compiles TypeScript under config/ when it loads the config.
 */
import type { Hotline } from '../src/services/hotlines'

export interface LocalHotlineEnv {
  LOCAL_HOTLINE_NAME?: string | undefined
  LOCAL_HOTLINE_PHONE?: string | undefined
}

/** Numbers WeChat's makePhoneCall can dial: digits, optionally with '-' separators (e.g. 0519-96111). */
const DIALABLE = /^\d[\d-]{1,18}\d$/

export const DEFAULT_LOCAL_NAME = '本地心理援助热线'

/**
 * The local line the build should bundle: the env override when LOCAL_HOTLINE_PHONE is set,
 * otherwise the `local` entry of content/hotlines.json.
 * Throws on a name without a phone or an undialable phone, so a bad deploy setting fails the
 * build instead of shipping a crisis line nobody can call.
 */
export function resolveLocalHotline(env: LocalHotlineEnv, fallback: Hotline): Hotline {
  const name = env.LOCAL_HOTLINE_NAME?.trim() ?? ''
  const phone = env.LOCAL_HOTLINE_PHONE?.trim() ?? ''
  if (!phone) {
    if (name) {
      throw new Error('LOCAL_HOTLINE_NAME is set but LOCAL_HOTLINE_PHONE is empty; set both or neither')
    }
    return { ...fallback }
  }
  if (!DIALABLE.test(phone)) {
    throw new Error(`LOCAL_HOTLINE_PHONE "${phone}" is not a dialable number (digits and '-' only)`)
  }
  return { key: 'local', name: name || DEFAULT_LOCAL_NAME, phone, note: '本地心理援助' }
}
