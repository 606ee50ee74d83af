/**
 * The self-test shapes the app reads from the API (GET /scales, GET /scales/:code, POST /scales/:code/assessments).
 * The server declares them once with zod in api/src/modules/scales (scale-definition.schema.ts, scales.schemas.ts);
 * these are the client's view of the fields it uses, checked at the edge by selftest/definition.ts.
 */
import type { CriticalOp } from './crisis'

export type AudienceTag = 'adult' | 'elderly' | 'youth' | 'perinatal' | 'informant'

export interface ScaleSummary {
  code: string
  abbreviation: string
  title: { zh: string; en: string }
  purpose: string
  audience: { zh: string; tags: string[] }
  topic: string
  minutes: number
  itemCount: number
}

export interface ScaleList {
  items: ScaleSummary[]
  total: number
}

export interface ScaleOption {
  value: number
  label: string
}

export interface ScaleItem {
  n: number
  text: string
  hint?: string
  optionSet?: string
  reverse?: boolean
}

export interface ScaleDefinition {
  code: string
  version: string
  abbreviation: string
  title: { zh: string; en: string }
  purpose: string
  audience: { zh: string; tags: string[] }
  minutes: number
  instructions: string
  timeframe: string
  optionSets: Array<{ key: string; options: ScaleOption[] }>
  defaultOptionSet?: string
  items: ScaleItem[]
  scoreLabel: string
  criticalItems: Array<{ n: number; when: { op: CriticalOp; value: number }; basis?: 'raw' | 'scored' }>
  license?: { holder: string }
  citation?: { original: string; chinese: string; chineseTextSource: string }
}

export type NextStepKind = 'article' | 'audio' | 'booking' | 'retest'

export interface BandView {
  key: string
  label: string
  advice: string
  urgent: boolean
}

export interface AssessmentResult {
  code: string
  version: string
  total: number
  scoreLabel: string
  band: BandView | null
  subscales: Array<{ key: string; title: string; total: number; band: BandView | null }>
  urgent: boolean
  crisis: boolean
  next: Array<{ kind: string; topic: string }>
  hotlines?: Array<{ key: string; name: string; phone: string; note: string }>
  disclaimer: string
}
