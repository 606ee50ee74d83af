// Safe-messaging check for articles that touch on suicide or self-harm. It follows WHO/IASP "Preventing suicide: a
// resource for media professionals" (update 2023: don't describe the method or the location, don't use sensational
// or normalizing language or present suicide as a solution, do say where to get help) and the same points in
// Chinese guidance on reporting suicide (不描述具体方式与地点、不渲染、不简单归因、提供求助信息). It is a prompt for the
// reviewer, not a verdict: it flags; people decide. Pure: text in, flags out.

export const FLAG_CODES = ['METHOD_DETAIL', 'SENSATIONAL_WORDING', 'NO_HELPLINE', 'SIMPLISTIC_CAUSE'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface SafeMessagingFlag {
  code: FlagCode;
  message: string;
  excerpt?: string;
}

const MESSAGES: Record<FlagCode, string> = {
  METHOD_DETAIL: '提到了具体的自杀或自伤方式、工具、剂量或地点。世界卫生组织的指南建议不写这些细节，以免引起模仿。请删去或改为概括的说法。',
  SENSATIONAL_WORDING: '有渲染自杀、或把自杀说成“解脱”“出路”的用词。请改用平实、不评判的语言，并强调困难可以被帮助。',
  NO_HELPLINE: '文章谈到自杀或自伤，但没有写求助方式。请写上全国心理援助热线 12356 等可以马上拨打的求助电话。',
  SIMPLISTIC_CAUSE: '把自杀归因于单一事件。自杀通常是多种因素共同作用的结果，请避免简单归因，并说明可以获得的帮助。',
};

/** Words that make a sentence (or the article) be about suicide or self-harm. */
const SUICIDE_TERM = /自杀|自尽|轻生|寻死|自残|自伤|伤害自己|结束(?:自己的)?生命|了结(?:自己的)?生命|不想活/;

/** Methods named outright: naming them is already the detail the guidance asks to leave out. */
const METHOD_WORDS = /上吊|自缢|烧炭|割腕|割脉|卧轨|服毒|喝农药|吞药|吞服|百草枯|敌敌畏|开煤气|跳楼|跳桥|跳河|跳江|跳海|跳崖|坠楼|致死量|致死剂量|致死的剂量/g;

/** Means, amounts and places: detail only when the same sentence is about suicide or self-harm. */
const MEANS_OR_PLACE = /安眠药|药片|药量|剂量|多少片|几片|\d+\s*(?:片|粒|毫克|mg)|农药|绳子|刀片|木炭|煤气|一氧化碳|楼顶|天台|几楼|\d+\s*(?:楼|层)|高楼|桥上|大桥|江边|河边|铁轨|悬崖/g;

/** Sensational or glamorizing words and headline hooks, wherever they appear. */
const SENSATIONAL_WORDS = /自杀潮|轻生潮|自杀风潮|自杀热|连环自杀|殉情|一死了之|以死明志|自杀成功|成功自杀|自杀失败|自杀圣地|自杀胜地|畏罪自杀|震惊[！!：:]|震惊全网|震惊全国|惊爆|疯传/g;

/** "震惊" in a title is a headline hook; in the body it usually names a feeling ("家长的第一反应是震惊"). */
const SENSATIONAL_IN_TITLE = /震惊|惨烈|血腥/g;

/**
 * Words that present suicide as a solution or dwell on the scene: only when the sentence is about suicide
 * ("从焦虑中解脱" is fine).
 */
const SOLUTION_WORDS = /解脱|唯一的?出路|一了百了|得到安宁|彻底安静|惨烈|血腥|惨死/g;

/** Suicide explained by one event ("因为考试失利而轻生"), unless the sentence says it is not that simple. */
const SINGLE_CAUSE = [
  /(?<!不是|并非|不只是|不仅仅是|不仅是|不单是|往往不是|并不是)(?:就因为|只因为|仅仅因为|只因|就因|因为|由于)[^，。！？；,.!?;]{1,20}?(?:而|就|便|竟然?|才)?(?:自杀|轻生|自尽|寻死|跳楼)(?!风险|率|意念|念头|想法|的想法|行为|倾向|危险|预防)/g,
  /(?:导致|造成|逼得?|害得)[^，。！？；,.!?;]{0,6}?(?:自杀|轻生|自尽|寻死)(?!风险|率|意念|念头|想法|的想法|行为|倾向|危险|预防)/g,
  /(?:自杀|轻生)的(?:原因|根源)(?:就|只|只不过)?是/g,
  /一时想不开/g,
];

/** Crisis lines that count as "where to get help": 12356 and the long-standing national psychological crisis lines. */
export const DEFAULT_HELPLINES = ['12356', '400-161-9995', '010-82951332', '12320'];

export interface SafeMessagingInput {
  title?: string;
  summary?: string;
  /** Plain text of the body (see articlePlainText), or the Markdown itself. */
  text: string;
}

export interface SafeMessagingOptions {
  /** Phone numbers that count as a help line; the local line of the deployment can be added. */
  helplines?: readonly string[];
  /** At most this many flags per code, so a long article does not bury the reviewer. */
  maxPerCode?: number;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。！？!?；;])|\n+/).map((s) => s.trim()).filter(Boolean);
}

function excerptAround(sentence: string, index: number, length: number): string {
  const RADIUS = 16;
  const start = Math.max(0, index - RADIUS);
  const end = Math.min(sentence.length, index + length + RADIUS);
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end)}${end < sentence.length ? '…' : ''}`;
}

function hasHelpline(text: string, helplines: readonly string[]): boolean {
  return helplines.some((line) => {
    const digits = line.replace(/\D/g, '').split('');
    if (!digits.length) return false;
    // Written with or without separators (400-161-9995, 400 161 9995), and not part of a longer number.
    return new RegExp(`(?<!\\d)${digits.join('[\\s\\-－—–]?')}(?!\\d)`).test(text);
  });
}

/** Flags what a reviewer should look at before an article about suicide or self-harm goes out. */
export function checkSafeMessaging(input: SafeMessagingInput, options: SafeMessagingOptions = {}): SafeMessagingFlag[] {
  const helplines = options.helplines ?? DEFAULT_HELPLINES;
  const maxPerCode = options.maxPerCode ?? 5;
  const whole = [input.title ?? '', input.summary ?? '', input.text].join('\n');
  const flags: SafeMessagingFlag[] = [];
  const seen = new Set<string>();

  function add(code: FlagCode, excerpt?: string) {
    const key = `${code}:${excerpt ?? ''}`;
    if (seen.has(key) || flags.filter((f) => f.code === code).length >= maxPerCode) return;
    seen.add(key);
    flags.push(excerpt === undefined ? { code, message: MESSAGES[code] } : { code, message: MESSAGES[code], excerpt });
  }

  function scan(sentence: string, pattern: RegExp, code: FlagCode) {
    for (const m of sentence.matchAll(pattern)) add(code, excerptAround(sentence, m.index, m[0].length));
  }

  for (const sentence of sentencesOf(input.title ?? '')) scan(sentence, SENSATIONAL_IN_TITLE, 'SENSATIONAL_WORDING');
  for (const sentence of sentencesOf(whole)) {
    scan(sentence, METHOD_WORDS, 'METHOD_DETAIL');
    scan(sentence, SENSATIONAL_WORDS, 'SENSATIONAL_WORDING');
    if (!SUICIDE_TERM.test(sentence)) continue;
    scan(sentence, MEANS_OR_PLACE, 'METHOD_DETAIL');
    scan(sentence, SOLUTION_WORDS, 'SENSATIONAL_WORDING');
    for (const pattern of SINGLE_CAUSE) scan(sentence, pattern, 'SIMPLISTIC_CAUSE');
  }
  // METHOD_WORDS name self-harm too (割腕, 跳楼): they make the article one that needs a help line.
  const aboutSuicide = SUICIDE_TERM.test(whole) || flags.some((f) => f.code === 'METHOD_DETAIL');
  if (aboutSuicide && !hasHelpline(whole, helplines)) add('NO_HELPLINE');
  return flags;
}
