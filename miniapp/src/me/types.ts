/** Shapes of the signed-in resident's /me endpoints (consents, saved self-tests, referrals) and /stations. */

/** The privacy policy version the app shows and consents to. The API refuses an older one (409). */
export const POLICY_VERSION = '2026-11-23'

export type ConsentPurpose = 'store_results' | 'referral_contact'

export interface Consent {
  purpose: ConsentPurpose
  policyVersion: string
  grantedAt: string
}

export interface SavedAssessment {
  id: string
  code: string
  title: string
  total: number
  band: { key: string; label: string } | null
  urgent: boolean
  crisis: boolean
  createdAt: string
}

export interface Trend {
  code: string
  title: string
  /** Oldest first. */
  points: Array<{ at: string; total: number }>
}

export interface SavedAssessmentList {
  items: SavedAssessment[]
  total: number
  trends: Trend[]
}

export type StationLevel = 'district' | 'street' | 'community'

export interface Station {
  id: string
  name: string
  level: StationLevel
  parentId: string | null
  address: string
  phone: string
  openingHours: string
  intro: string
}

export interface ReferralInput {
  stationId: string
  phone: string
  name?: string
  code: string
  bandKey?: string
  crisis: boolean
  urgent: boolean
}

export interface ReferralCreated {
  id: string
  status: 'new'
  stationName: string
}

export interface ReferralSummary {
  id: string
  stationName: string
  status: string
  createdAt: string
}
