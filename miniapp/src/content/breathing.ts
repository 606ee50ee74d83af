/**
 * Breathing exercises as a pure phase machine: given a pattern and the time since 开始, which phase it is, how
 * many seconds are left in it, which round, and how large the circle should be. The page only renders this
 * (the circle's CSS transition takes exactly the phase's length), so the animation and the labels cannot drift
 * apart. No audio, no scores, no streaks.
 */

export type PhaseKind = 'inhale' | 'hold' | 'exhale' | 'rest'

export interface Phase {
  kind: PhaseKind
  seconds: number
}

export type PatternKey = '478' | 'box'

export interface BreathingPattern {
  key: PatternKey
  name: string
  description: string
  phases: readonly Phase[]
}

export const PATTERNS: Readonly<Record<PatternKey, BreathingPattern>> = {
  '478': {
    key: '478',
    name: '4-7-8 呼吸',
    description: '吸气 4 秒，屏住 7 秒，慢慢呼气 8 秒。呼气比吸气长，身体更容易放松下来，睡前也适合。',
    phases: [
      { kind: 'inhale', seconds: 4 },
      { kind: 'hold', seconds: 7 },
      { kind: 'exhale', seconds: 8 },
    ],
  },
  box: {
    key: 'box',
    name: '方块呼吸',
    description: '吸气 4 秒，屏住 4 秒，呼气 4 秒，再停 4 秒，像沿着方块的四条边走一圈。紧张、心慌的时候可以试试。',
    phases: [
      { kind: 'inhale', seconds: 4 },
      { kind: 'hold', seconds: 4 },
      { kind: 'exhale', seconds: 4 },
      { kind: 'rest', seconds: 4 },
    ],
  },
}

export const PHASE_LABELS: Readonly<Record<PhaseKind, string>> = {
  inhale: '吸气',
  hold: '屏住',
  exhale: '呼气',
  // The pause after breathing out is also held breath; it reads the same so the words stay few.
  rest: '屏住',
}

/** Round choices on the page; null = keep going until 停止. */
export const ROUND_CHOICES: ReadonlyArray<number | null> = [4, 8, null]
export const DEFAULT_ROUNDS = 4

/** Circle scale: full after breathing in, small after breathing out. */
export const SCALE_FULL = 1
export const SCALE_EMPTY = 0.55

export type BreathingFrame =
  | { kind: 'idle' }
  | {
      kind: 'running'
      /** 1-based round. */
      round: number
      phaseIndex: number
      phase: Phase
      label: string
      /** Whole seconds left in this phase, counting down to 1. */
      secondsLeft: number
      /** Scale the circle is moving to during this phase, and how long the move takes. */
      targetScale: number
      transitionMs: number
      /** Rounds completed so far. */
      completedRounds: number
    }
  | { kind: 'done'; completedRounds: number }

export function cycleMs(pattern: BreathingPattern): number {
  return pattern.phases.reduce((sum, p) => sum + p.seconds * 1000, 0)
}

function targetScaleOf(kind: PhaseKind): number {
  return kind === 'inhale' || kind === 'hold' ? SCALE_FULL : SCALE_EMPTY
}

/**
 * The frame `elapsedMs` after 开始. With `rounds` set, the exercise is done after that many rounds;
 * negative or non-finite elapsed time reads as the very start.
 */
export function frameAt(pattern: BreathingPattern, elapsedMs: number, rounds: number | null = DEFAULT_ROUNDS): BreathingFrame {
  const cycle = cycleMs(pattern)
  const elapsed = Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0
  const completedRounds = Math.floor(elapsed / cycle)
  if (rounds !== null && completedRounds >= rounds) return { kind: 'done', completedRounds: rounds }
  let inCycle = elapsed - completedRounds * cycle
  let phaseIndex = 0
  for (; phaseIndex < pattern.phases.length - 1; phaseIndex++) {
    const ms = (pattern.phases[phaseIndex] as Phase).seconds * 1000
    if (inCycle < ms) break
    inCycle -= ms
  }
  const phase = pattern.phases[phaseIndex] as Phase
  const phaseMs = phase.seconds * 1000
  return {
    kind: 'running',
    round: completedRounds + 1,
    phaseIndex,
    phase,
    label: PHASE_LABELS[phase.kind],
    secondsLeft: Math.max(1, Math.ceil((phaseMs - inCycle) / 1000)),
    targetScale: targetScaleOf(phase.kind),
    transitionMs: phaseMs,
    completedRounds,
  }
}

/** Total length of a session, null when it has no end. */
export function sessionMs(pattern: BreathingPattern, rounds: number | null): number | null {
  return rounds === null ? null : rounds * cycleMs(pattern)
}

/** "第 2 轮 / 共 4 轮" or "第 2 轮". */
export function roundText(frame: BreathingFrame, rounds: number | null): string {
  if (frame.kind !== 'running') return ''
  return rounds === null ? `第 ${frame.round} 轮` : `第 ${frame.round} 轮 / 共 ${rounds} 轮`
}

export function isPatternKey(value: unknown): value is PatternKey {
  return value === '478' || value === 'box'
}
