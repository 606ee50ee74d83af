/**
 * The only reader of build-time constants (see config/index.ts `defineConstants`).
 * Everything else imports from here, so a renamed constant breaks in one place.
 */
import type { CriticalRulesByScale } from './selftest/crisis'
import type { Hotline } from './services/hotlines'

export type Platform = 'weapp' | 'h5'

/** Which Taro target this bundle was built for. */
export const PLATFORM: Platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

/** API base URL without a trailing slash. */
export const API_BASE_URL: string = API_BASE.replace(/\/+$/, '')

/** H5 may use POST /auth/dev-login (never true in a real production H5 build). */
export const DEV_LOGIN_ALLOWED: boolean = ALLOW_DEV_LOGIN

/** The deploying district's crisis line. */
export const LOCAL_CRISIS_LINE: Hotline = LOCAL_HOTLINE

/** Crisis rules of every scale, bundled at build time (see config/critical-rules.ts). */
export const BUNDLED_CRITICAL_RULES: CriticalRulesByScale = CRITICAL_RULES
