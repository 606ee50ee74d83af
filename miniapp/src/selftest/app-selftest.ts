/**
 * The self-test logic wired to Taro: the in-progress store, the outbox and its resend triggers, the
 * definition cache and the in-app crisis check. In the main package because app.ts resends the outbox at
 * launch; the subpackage pages import it from here.
 */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { BUNDLED_CRITICAL_RULES, PLATFORM } from '../env'
import { getScale, submitAssessment } from '../services/api'
import { ApiError } from '../services/errors'
import { randomBytes } from '../services/random'
import { taroStore } from '../services/storage'
import { crisisItems, type PartialAnswers } from './crisis'
import { parseDefinition } from './definition'
import { classifySendError, createOutbox, newAttemptKey, type OutboxState } from './outbox'
import { createProgressStore } from './progress'
import type { ScaleDefinition } from './types'

const now = () => new Date()

export const progressStore = createProgressStore({
  store: taroStore,
  now,
  newAttemptKey: () => newAttemptKey(randomBytes),
})

export const outbox = createOutbox({
  store: taroStore,
  now,
  send: (submission) => submitAssessment(submission.code, submission.answers, submission.attemptKey),
  classify: classifySendError,
})

/**
 * Resends what is waiting. Send failures stay on the submission (the result page shows them); what can
 * reject is a storage write, and then the submission is still in memory and the next trigger tries again.
 */
export function flushOutbox(): Promise<void> {
  return outbox.flush().catch((error: unknown) => {
    console.warn('self-test outbox: could not write to storage', error)
  })
}

let watching = false

/** From app launch: send what an earlier session left, and again whenever the network or the app comes back. */
export function startOutbox(): void {
  if (watching) return
  watching = true
  void flushOutbox()
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) void flushOutbox()
  })
  Taro.onAppShow(() => {
    void flushOutbox()
  })
  // H5: Taro's network event follows navigator.connection, which desktop browsers may not fire; 'online' they do.
  if (PLATFORM === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', () => {
      void flushOutbox()
    })
  }
}

/** The outbox state; re-renders on every change. */
export function useOutboxState(): OutboxState {
  return useSyncExternalStore(outbox.subscribe, outbox.getState, outbox.getState)
}

// ---- Definitions: memory, then storage (so an interrupted test resumes offline), then the API ----

const DEFINITION_KEY_PREFIX = 'xinan.selftest.definition.'
const definitions = new Map<string, ScaleDefinition>()

function remember(def: ScaleDefinition): ScaleDefinition {
  definitions.set(def.code, def)
  try {
    taroStore.set(`${DEFINITION_KEY_PREFIX}${def.code}`, JSON.stringify(def))
  } catch (error) {
    // Only the offline copy is missing; the test itself goes on from memory.
    console.warn('self-test: could not keep an offline copy of the scale', error)
  }
  return def
}

/** The copy kept on the device, if any and still readable. */
export function cachedDefinition(code: string): ScaleDefinition | null {
  const inMemory = definitions.get(code)
  if (inMemory) return inMemory
  const raw = taroStore.get(`${DEFINITION_KEY_PREFIX}${code}`)
  if (raw === null) return null
  try {
    const def = parseDefinition(JSON.parse(raw))
    definitions.set(code, def)
    return def
  } catch {
    taroStore.remove(`${DEFINITION_KEY_PREFIX}${code}`) // unreadable copy: fetch a fresh one next time
    return null
  }
}

/**
 * The definition to show. `fresh`: ask the API first (intro page), falling back to the device copy when it
 * cannot be reached; otherwise the device copy first (question and result pages work offline).
 */
export async function loadDefinition(code: string, options: { fresh: boolean }): Promise<ScaleDefinition> {
  if (!options.fresh) {
    const cached = cachedDefinition(code)
    if (cached) return cached
  }
  try {
    return remember(await getScale(code))
  } catch (error) {
    // Only when the API could not be reached: a 404 means the scale was withdrawn, and then no copy is used.
    const unreachable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500
    const cached = unreachable ? cachedDefinition(code) : null
    if (cached) return cached
    throw error
  }
}

/** Critical items in these answers, by the bundled rules and the definition's own (either is enough). */
export function localCrisisItems(code: string, answers: PartialAnswers, definition?: ScaleDefinition | null): number[] {
  return crisisItems(code, answers, BUNDLED_CRITICAL_RULES, definition)
}
