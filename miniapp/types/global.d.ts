/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro for every build; decides weapp vs h5 code paths. */
    TARO_ENV: 'weapp' | 'h5'
  }
}

/**
 * Build-time constants injected by `defineConstants` in config/index.ts.
 * They are literal values in the bundle; read them only through src/env.ts.
 */
/** Base URL of the XinAn API, without a trailing slash (weapp: absolute https URL; h5: same-origin '/api/v1'). */
declare const API_BASE: string
/** Whether the H5 build may sign in through POST /auth/dev-login (false only for a real production H5 build). */
declare const ALLOW_DEV_LOGIN: boolean
/** The deploying district's crisis line, resolved at build time from env or content/hotlines.json. */
declare const LOCAL_HOTLINE: { key: string; name: string; phone: string; note: string }
/** Critical-item rules per scale code, extracted at build time from content/scales/*.json (config/critical-rules.ts). */
declare const CRITICAL_RULES: Record<string, Array<{ n: number; op: 'gt' | 'gte' | 'eq'; value: number; reverseSum?: number }>>

/** Subscribe-message template id of the retest reminder; empty when reminders are not configured. */
declare const RETEST_TEMPLATE_ID: string
