/**
 * The crisis lines the app shows, bundled at build time from content/hotlines.json so the
 * hotline page works with the network or the API down. Never fetch these at runtime.
 */
import content from '../../../content/hotlines.json'
import { LOCAL_CRISIS_LINE } from '../env'
import { assembleHotlines, type Hotline } from '../services/hotlines'

export const HOTLINES: readonly Hotline[] = assembleHotlines(content.national, LOCAL_CRISIS_LINE)

/** The national psychological-aid line shown on the crisis entry bar. */
export const PSY_HOTLINE_PHONE = '12356'
