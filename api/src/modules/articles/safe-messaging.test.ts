import { checkSafeMessaging, type FlagCode } from './safe-messaging';

const codes = (text: string, extra: { title?: string; summary?: string } = {}) =>
  checkSafeMessaging({ text, ...extra }).map((f) => f.code);
const HELP = '如果你或身边的人有伤害自己的想法，请拨打全国心理援助热线 12356（24小时）。';

describe('checkSafeMessaging', () => {
  test('an article with no suicide or self-harm content gets no flags', () => {
    expect(codes('睡前一小时放下手机，固定起床时间，白天适当运动。慢慢地，身体会找回节律。')).toEqual([]);
  });

  test('a careful article about suicide prevention with the 12356 line passes clean', () => {
    const text = [
      '自杀是可以预防的。很多有过自杀念头的人后来都走了出来。',
      '自杀往往不是因为某一件事，而是多种因素共同作用的结果。',
      '如果身边的人说“不想活了”，请认真对待，陪着他，帮他联系专业人员。',
      HELP,
    ].join('\n');
    expect(checkSafeMessaging({ text })).toEqual([]);
  });

  test.each<[string, string]>([
    ['hanging', '他选择了上吊。'],
    ['charcoal burning', '新闻里详细写了烧炭的过程。'],
    ['wrist cutting', '她曾经割腕。'],
    ['the place of a jump', '他从跳楼的位置可以看到整条街。'],
    ['a lethal dose', '网上有人打听致死量。'],
    ['a dose of sleeping pills next to suicide', '她吞下三十片安眠药自杀。'],
    ['a floor number next to suicide', '他在 18 楼的天台上想要轻生。'],
  ])('METHOD_DETAIL: %s', (_name, sentence) => {
    const flags = checkSafeMessaging({ text: `${sentence}\n${HELP}` });
    expect(flags.map((f) => f.code)).toContain('METHOD_DETAIL');
    expect(flags.find((f) => f.code === 'METHOD_DETAIL')!.excerpt).toBeTruthy();
  });

  test('means and places are only method detail in a sentence about suicide', () => {
    expect(codes('安眠药的剂量一定要遵医嘱，不要自己加量。')).toEqual([]);
    expect(codes('周末可以去江边散步，或者到楼顶的小花园晒晒太阳。')).toEqual([]);
  });

  test.each<[string, string]>([
    ['a suicide wave', '今年出现了“自杀潮”。'],
    ['suicide as release', '他觉得自杀是一种解脱。'],
    ['the only way out', '她以为轻生是唯一的出路。'],
    ['a love suicide', '两人殉情的故事被反复转载。'],
    ['a shock headline', '震惊！又一名学生出事了。'],
    ['"successful" suicide', '他自杀成功了。'],
  ])('SENSATIONAL_WORDING: %s', (_name, sentence) => {
    expect(codes(`${sentence}\n${HELP}`)).toContain('SENSATIONAL_WORDING');
  });

  test('"解脱" is fine when the sentence is not about suicide', () => {
    expect(codes('学会放下，才能从焦虑和内耗中解脱出来。')).toEqual([]);
  });

  test('regression: "震惊" naming a parent\'s feeling in the body is not a headline hook; in a title it is', () => {
    const text = `发现孩子伤害了自己，很多家长的第一反应是震惊、害怕、生气。\n${HELP}`;
    expect(codes(text)).toEqual([]);
    expect(codes(text, { title: '震惊的一夜' })).toEqual(['SENSATIONAL_WORDING']);
  });

  test.each<[string, string]>([
    ['a single exam', '他因为考试失利而自杀。'],
    ['a breakup', '她就因为失恋就轻生了。'],
    ['one thing drove him', '一次批评逼得他自杀。'],
    ['"the cause is"', '这名学生自杀的原因是作业太多。'],
    ['"a moment of not thinking straight"', '他只是一时想不开，才选择自杀。'],
  ])('SIMPLISTIC_CAUSE: %s', (_name, sentence) => {
    expect(codes(`${sentence}\n${HELP}`)).toContain('SIMPLISTIC_CAUSE');
  });

  test('saying suicide is NOT explained by one cause, or talking of risk, is not a simplistic cause', () => {
    expect(codes(`自杀往往不是因为某一件事而发生的。\n抑郁会导致自杀风险升高，但治疗能降低它。\n${HELP}`)).toEqual([]);
  });

  test.each<[string, FlagCode[]]>([
    ['自杀是可以预防的，早识别、早求助很重要。', ['NO_HELPLINE']],
    ['有的青少年会用自残来应对痛苦。', ['NO_HELPLINE']],
    ['如果你有轻生的念头，请告诉家人。可以拨打 110 报警。', ['NO_HELPLINE']],
    ['自杀是可以预防的。求助电话：400-161-9995。', []],
    ['自杀是可以预防的。全国心理援助热线 1 2 3 5 6。', []],
  ])('NO_HELPLINE for %s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  test('a help line number inside a longer number does not count', () => {
    expect(codes('自杀是可以预防的。订单号 9123567。')).toEqual(['NO_HELPLINE']);
  });

  test('the local line of the deployment counts when it is passed in', () => {
    const text = '有自伤想法时，请马上拨打本地心理援助热线 96111。';
    expect(checkSafeMessaging({ text })).toHaveLength(1);
    expect(checkSafeMessaging({ text }, { helplines: ['12356', '96111'] })).toEqual([]);
  });

  test('title and summary are checked too', () => {
    expect(codes('正文很平和。', { title: '震惊：一个家庭的悲剧' })).toEqual(['SENSATIONAL_WORDING']);
  });

  test('each flag carries a Chinese message; a long article gets at most five flags per code', () => {
    const text = Array.from({ length: 20 }, (_, i) => `第${i}个人曾经上吊。`).join('\n');
    const flags = checkSafeMessaging({ text: `${text}\n${HELP}` });
    expect(flags.filter((f) => f.code === 'METHOD_DETAIL')).toHaveLength(5);
    expect(flags.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
  });
});
