import type { Counselor, Schedule } from '../../../services/counselors';
import {
  DEFAULT_SCHEDULE,
  counselorCreateBody,
  counselorFormValues,
  counselorPatch,
  credentialText,
  exceptionRequest,
  normalizeSchedule,
  scheduleProblems,
  unbookableReasons,
} from './counselor-rules';

const STATION = 's'.repeat(24);

const counselor: Counselor = {
  id: 'c'.repeat(24),
  stationId: STATION,
  name: '王静',
  title: '心理咨询师',
  qualification: '国家二级心理咨询师',
  specialties: ['情绪', '亲子'],
  intro: '温和耐心',
  photoUrl: null,
  verified: true,
  services: ['individual'],
  bookable: true,
  rating: { count: 0, average: null },
  certificateNo: 'XL-001',
  credentialValidFrom: '2024-01-01',
  credentialValidUntil: '2026-06-01',
  credentialStatus: 'valid',
  active: true,
  photoMediaId: null,
  verifiedAt: null,
  schedule: DEFAULT_SCHEDULE,
};

describe('credentialText / unbookableReasons', () => {
  test('says how many days are left or overdue', () => {
    expect(credentialText({ credentialStatus: 'expiring', credentialValidUntil: '2026-05-15' }, '2026-05-06')).toBe('即将到期（还剩 9 天）');
    expect(credentialText({ credentialStatus: 'lapsed', credentialValidUntil: '2026-04-24' }, '2026-05-06')).toBe('已过期（12 天）');
    expect(credentialText({ credentialStatus: 'missing', credentialValidUntil: null }, '2026-05-06')).toBe('未填写');
  });

  test('explains why a counselor cannot be booked', () => {
    expect(unbookableReasons({ verified: true, active: true, credentialStatus: 'expiring' })).toEqual([]);
    expect(unbookableReasons({ verified: false, active: true, credentialStatus: 'lapsed' })).toEqual(['资质未核验', '资质已过期']);
  });
});

const schedule = (overrides: Partial<Schedule>): Schedule => ({ ...DEFAULT_SCHEDULE, ...overrides });

describe('scheduleProblems', () => {
  test('a sensible week has no problems', () => {
    expect(
      scheduleProblems(
        schedule({
          weekly: [
            { weekday: 1, start: '09:00', end: '12:00', services: ['individual'] },
            { weekday: 1, start: '14:00', end: '17:00', services: ['individual', 'family'] },
          ],
          groups: [{ weekday: 3, start: '19:00', end: '20:30', capacity: 8, title: '减压小组' }],
        }),
      ),
    ).toEqual([]);
  });

  test('finds overlapping rows on the same day, including a group over a weekly row', () => {
    const problems = scheduleProblems(
      schedule({
        weekly: [
          { weekday: 2, start: '09:00', end: '12:00', services: ['individual'] },
          { weekday: 2, start: '11:00', end: '13:00', services: ['individual'] },
        ],
        groups: [{ weekday: 2, start: '12:30', end: '14:00', capacity: 6, title: '团体' }],
      }),
    );
    expect(problems).toEqual([
      '第 1 行（周二）与第 2 行（周二）时间重叠',
      '第 2 行（周二）与团体第 1 行（周二）时间重叠',
    ]);
  });

  test('rows that touch end-to-start do not overlap', () => {
    expect(
      scheduleProblems(
        schedule({
          weekly: [
            { weekday: 4, start: '09:00', end: '12:00', services: ['individual'] },
            { weekday: 4, start: '12:00', end: '15:00', services: ['individual'] },
          ],
        }),
      ),
    ).toEqual([]);
  });

  test('catches reversed times, a row too short for one session, no services, bad limits', () => {
    const problems = scheduleProblems(
      schedule({
        sessionMinutes: 20,
        bufferMinutes: 90,
        weekly: [
          { weekday: 5, start: '12:00', end: '09:00', services: ['individual'] },
          { weekday: 6, start: '09:00', end: '09:40', services: ['family'] },
          { weekday: 7, start: '09:00', end: '12:00', services: [] },
        ],
        groups: [{ weekday: 1, start: '19:00', end: '20:00', capacity: 1, title: ' ' }],
      }),
    );
    expect(problems).toEqual([
      '个体咨询时长应为 30–120 分钟',
      '间隔应为 0–60 分钟',
      '第 1 行（周五）：结束时间要晚于开始时间',
      '第 2 行（周六）：时段比一次咨询还短，排不出可约时间',
      '第 3 行（周日）：请至少选择一种服务',
      '团体第 1 行（周一）：人数应为 2–50 人',
      '团体第 1 行（周一）：请填写团体活动名称',
    ]);
  });

  test('normalizeSchedule sorts rows by weekday and time', () => {
    const sorted = normalizeSchedule(
      schedule({
        weekly: [
          { weekday: 3, start: '09:00', end: '10:00', services: ['individual'] },
          { weekday: 1, start: '14:00', end: '15:00', services: ['individual', 'individual'] },
          { weekday: 1, start: '09:00', end: '10:00', services: ['individual'] },
        ],
      }),
    );
    expect(sorted.weekly.map((r) => `${r.weekday} ${r.start}`)).toEqual(['1 09:00', '1 14:00', '3 09:00']);
    expect(sorted.weekly[1]!.services).toEqual(['individual']);
  });
});

describe('exceptionRequest', () => {
  const today = '2026-05-06';
  test('a holiday needs only the date; times are dropped', () => {
    expect(exceptionRequest({ date: '2026-05-08', kind: 'holiday', start: '09:00', end: '10:00' }, today)).toEqual({
      ok: true,
      body: { date: '2026-05-08', kind: 'holiday' },
    });
  });

  test('leave is all day without times, or a part of the day with both', () => {
    expect(exceptionRequest({ date: '2026-05-08', kind: 'leave', note: ' 体检 ' }, today)).toEqual({
      ok: true,
      body: { date: '2026-05-08', kind: 'leave', note: '体检' },
    });
    expect(exceptionRequest({ date: '2026-05-08', kind: 'leave', start: '09:00' }, today)).toMatchObject({ ok: false });
  });

  test('extra hours need times and services', () => {
    expect(exceptionRequest({ date: '2026-05-09', kind: 'extra', start: '09:00', end: '12:00', services: ['individual'] }, today)).toEqual({
      ok: true,
      body: { date: '2026-05-09', kind: 'extra', start: '09:00', end: '12:00', services: ['individual'] },
    });
    expect(exceptionRequest({ date: '2026-05-09', kind: 'extra', start: '09:00', end: '12:00' }, today)).toEqual({
      ok: false,
      error: '请选择加班开放的服务',
    });
    expect(exceptionRequest({ date: '2026-05-09', kind: 'extra' }, today)).toMatchObject({ ok: false });
  });

  test('refuses past dates', () => {
    expect(exceptionRequest({ date: '2026-05-05', kind: 'holiday' }, today)).toMatchObject({ ok: false });
  });
});

describe('counselor create / patch bodies', () => {
  test('create requires a name and leaves empty optional fields out', () => {
    expect(counselorCreateBody({ stationId: STATION, name: ' ', title: '心理咨询师' })).toEqual({ ok: false, error: '请填写姓名' });
    expect(counselorCreateBody({ name: '李四' })).toEqual({ ok: false, error: '请选择所属站点' });
    expect(
      counselorCreateBody({
        stationId: STATION,
        name: ' 李四 ',
        title: '心理咨询师',
        qualification: '',
        certificateNo: 'A1',
        credentialValidFrom: '',
        specialties: ['睡眠', '睡眠', ' '],
        intro: '',
        photoUrl: '',
      }),
    ).toEqual({
      ok: true,
      body: { stationId: STATION, name: '李四', title: '心理咨询师', certificateNo: 'A1', specialties: ['睡眠'], intro: '' },
    });
  });

  test('credential dates must be in order', () => {
    const values = { ...counselorFormValues(counselor), credentialValidUntil: '2023-01-01' };
    expect(counselorPatch(counselor, values, true)).toMatchObject({ ok: false });
  });

  test('an unchanged form sends nothing; admin changes are sent as a diff', () => {
    expect(counselorPatch(counselor, counselorFormValues(counselor), true)).toEqual({ ok: true, body: {} });
    const values = { ...counselorFormValues(counselor), credentialValidUntil: '', active: false, name: '王静怡' };
    expect(counselorPatch(counselor, values, true)).toEqual({
      ok: true,
      body: { name: '王静怡', credentialValidUntil: null, active: false },
    });
  });

  test('station staff send only intro, specialties and photo, even if other fields changed', () => {
    const values = { ...counselorFormValues(counselor), name: '别的名字', intro: '新的介绍', active: false };
    expect(counselorPatch(counselor, values, false)).toEqual({ ok: true, body: { intro: '新的介绍' } });
  });

  test('refuses a javascript: or plain-http photo address (the API takes https or a site path)', () => {
    const error = { ok: false, error: '照片地址需为 https 链接或站内路径' };
    expect(counselorPatch(counselor, { ...counselorFormValues(counselor), photoUrl: 'javascript:alert(1)' }, false)).toEqual(error);
    expect(counselorPatch(counselor, { ...counselorFormValues(counselor), photoUrl: 'http://x.cn/a.jpg' }, false)).toEqual(error);
    expect(counselorPatch(counselor, { ...counselorFormValues(counselor), photoUrl: '/media/a.jpg' }, false)).toEqual({
      ok: true,
      body: { photoUrl: '/media/a.jpg' },
    });
  });
});
