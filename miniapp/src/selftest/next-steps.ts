/**
 * "What to do next" on the result page: the server's next steps ({kind, topic}) as labelled links. Pure.
 * Topics are content slugs; the app names the ones it knows and falls back to the kind's general label.
 */

export type NextAction =
  | { kind: 'route'; route: 'articles' | 'relax' | 'bookingStations' }
  | { kind: 'retest'; code: string }

export interface NextLink {
  key: string
  title: string
  hint: string
  action: NextAction
}

const TOPIC_NAMES: Readonly<Record<string, string>> = {
  'alcohol-and-health': '饮酒与健康',
  'anxiety-basics': '认识焦虑',
  'body-symptoms-and-mood': '身体不适与情绪',
  'brain-health': '大脑健康与记忆',
  'depression-basics': '认识抑郁情绪',
  'elderly-wellbeing': '长辈的身心健康',
  'perinatal-mood': '孕产期的情绪',
  resilience: '提升心理弹性',
  'seeking-help': '怎样找到专业帮助',
  'self-care': '日常自我照顾',
  'self-esteem': '好好看待自己',
  'sleep-hygiene': '睡个好觉',
  'social-connection': '和他人保持联系',
  'stress-management': '应对压力',
  'trauma-reactions': '经历创伤之后',
  'wellbeing-habits': '幸福感小习惯',
  'youth-anxiety': '孩子的焦虑',
  'body-scan': '身体扫描放松',
  'relaxation-breathing': '放松呼吸练习',
  'sleep-relaxation': '睡前放松',
}

/** Links for the next steps, in the server's order, without duplicates. `code` is the scale just taken. */
export function nextLinks(steps: ReadonlyArray<{ kind: string; topic: string }>, code: string, scaleNames: Readonly<Record<string, string>> = {}): NextLink[] {
  const links: NextLink[] = []
  const seen = new Set<string>()
  for (const step of steps) {
    const key = `${step.kind}:${step.topic}`
    if (seen.has(key)) continue
    const topic = TOPIC_NAMES[step.topic]
    let link: NextLink | null = null
    if (step.kind === 'article') {
      link = { key, title: topic ? `读一读：${topic}` : '读一读相关科普', hint: '在「科普」里找到相关文章', action: { kind: 'route', route: 'articles' } }
    } else if (step.kind === 'audio') {
      link = { key, title: topic ? `听一听：${topic}` : '跟着音频放松一下', hint: '在「放松」里跟着练习', action: { kind: 'route', route: 'relax' } }
    } else if (step.kind === 'booking') {
      link = { key, title: '预约心理咨询', hint: '和驿站的心理咨询师当面聊一聊', action: { kind: 'route', route: 'bookingStations' } }
    } else if (step.kind === 'retest') {
      link = step.topic === code
        ? { key, title: '过两周再测一次', hint: '看看自己的变化', action: { kind: 'retest', code: step.topic } }
        : { key, title: `接着做：${scaleNames[step.topic] ?? step.topic.toUpperCase()}`, hint: '进一步了解自己的状况', action: { kind: 'retest', code: step.topic } }
    }
    if (link) {
      seen.add(key)
      links.push(link)
    }
  }
  return links
}
