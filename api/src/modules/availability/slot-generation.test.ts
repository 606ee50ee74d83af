import { addDays, formatChinaDateTime } from './china-time';
import { cellsCovering, generateDaySlots, horizonEnd, isBookableStart, slotStep, withinHorizon, type ScheduleSpec } from './slot-generation';

const hm = (d: Date) => formatChinaDateTime(d).slice(-5);
// 2026-05-04 is a Monday.
const MONDAY = '2026-05-04';
const base: ScheduleSpec = {
  sessionMinutes: 50, familySessionMinutes: 80, bufferMinutes: 10,
  weekly: [{ weekday: 1, start: '09:00', end: '12:00', services: ['individual'] }],
  groups: [],
};

describe('generateDaySlots', () => {
  test('steps session + buffer through the window; the last session must end inside it', () => {
    const slots = generateDaySlots(base, MONDAY, []);
    expect(slots.map((s) => hm(s.start))).toEqual(['09:00', '10:00', '11:00']);
    expect(slots.map((s) => hm(s.end))).toEqual(['09:50', '10:50', '11:50']);
    expect(slots.every((s) => s.service === 'individual' && s.capacity === 1)).toBe(true);
  });

  test('other weekdays have no slots', () => {
    expect(generateDaySlots(base, addDays(MONDAY, 1), [])).toEqual([]);
    expect(generateDaySlots(base, addDays(MONDAY, 7), [])).toHaveLength(3);
  });

  test('the step is rounded up to whole 15-minute cells so neighbours never share a cell', () => {
    expect(slotStep(50, 5)).toBe(60);
    expect(slotStep(45, 0)).toBe(45);
    const slots = generateDaySlots({ ...base, bufferMinutes: 5 }, MONDAY, []);
    for (let i = 1; i < slots.length; i++) {
      const prev = cellsCovering(slots[i - 1]!.start, slots[i - 1]!.end, 5).map((c) => c.getTime());
      const cur = cellsCovering(slots[i]!.start, slots[i]!.end, 5).map((c) => c.getTime());
      expect(cur.filter((c) => prev.includes(c))).toEqual([]);
    }
  });

  test('family sessions are longer and stepped on their own', () => {
    const spec: ScheduleSpec = { ...base, weekly: [{ weekday: 1, start: '14:00', end: '17:00', services: ['individual', 'family'] }] };
    const slots = generateDaySlots(spec, MONDAY, []);
    expect(slots.filter((s) => s.service === 'family').map((s) => `${hm(s.start)}-${hm(s.end)}`)).toEqual(['14:00-15:20', '15:30-16:50']);
    expect(slots.filter((s) => s.service === 'individual')).toHaveLength(3);
  });

  test('holiday and whole-day leave remove the day; extra hours are added even on such a day', () => {
    expect(generateDaySlots(base, MONDAY, [{ date: MONDAY, kind: 'holiday', start: null, end: null, services: [] }])).toEqual([]);
    expect(generateDaySlots(base, MONDAY, [{ date: MONDAY, kind: 'leave', start: null, end: null, services: [] }])).toEqual([]);
    const extra = generateDaySlots(base, MONDAY, [
      { date: MONDAY, kind: 'holiday', start: null, end: null, services: [] },
      { date: MONDAY, kind: 'extra', start: '19:00', end: '20:00', services: ['individual'] },
    ]);
    expect(extra.map((s) => hm(s.start))).toEqual(['19:00']);
    // An exception for another date changes nothing.
    expect(generateDaySlots(base, MONDAY, [{ date: addDays(MONDAY, 1), kind: 'holiday', start: null, end: null, services: [] }])).toHaveLength(3);
  });

  test('partial leave cuts the window; slots restart after it', () => {
    const slots = generateDaySlots(base, MONDAY, [{ date: MONDAY, kind: 'leave', start: '09:30', end: '10:15', services: [] }]);
    // 09:00–09:30 is too short for a session; 10:15–12:00 holds one (11:15 would end at 12:05).
    expect(slots.map((s) => hm(s.start))).toEqual(['10:15']);
  });

  test('group sessions take their time (and the buffer after) out of one-to-one windows', () => {
    const spec: ScheduleSpec = { ...base, weekly: [{ weekday: 1, start: '09:00', end: '13:00', services: ['individual'] }], groups: [{ weekday: 1, start: '10:00', end: '11:30', capacity: 5, title: '情绪减压小组' }] };
    const slots = generateDaySlots(spec, MONDAY, []);
    expect(slots.map((s) => `${hm(s.start)} ${s.service} ${s.capacity}`)).toEqual(['09:00 individual 1', '10:00 group 5', '11:40 individual 1']);
    expect(slots.find((s) => s.service === 'group')!.title).toBe('情绪减压小组');
  });

  test('a leave overlapping a group session cancels the group that day', () => {
    const spec: ScheduleSpec = { ...base, weekly: [], groups: [{ weekday: 1, start: '10:00', end: '11:30', capacity: 5, title: 'g' }] };
    expect(generateDaySlots(spec, MONDAY, [{ date: MONDAY, kind: 'leave', start: '11:00', end: '12:00', services: [] }])).toEqual([]);
  });

  test('overlapping template windows do not produce the same slot twice', () => {
    const spec: ScheduleSpec = { ...base, weekly: [base.weekly[0]!, { weekday: 1, start: '09:00', end: '10:00', services: ['individual'] }] };
    expect(generateDaySlots(spec, MONDAY, []).map((s) => hm(s.start))).toEqual(['09:00', '10:00', '11:00']);
  });
});

describe('cells and booking window', () => {
  test('cells cover session plus buffer on the 15-minute grid', () => {
    const start = new Date('2026-05-04T01:00:00Z');
    expect(cellsCovering(start, new Date('2026-05-04T01:50:00Z'), 10).map((c) => c.toISOString().slice(11, 16))).toEqual(['01:00', '01:15', '01:30', '01:45']);
    expect(cellsCovering(start, new Date('2026-05-04T01:50:00Z'), 0)).toHaveLength(4);
    expect(cellsCovering(start, new Date('2026-05-04T01:45:00Z'), 0)).toHaveLength(3);
  });

  test('horizon: today … today + horizonDays − 1, by China date', () => {
    const now = new Date('2026-05-03T17:00:00Z'); // 2026-05-04 01:00 in China
    expect(withinHorizon('2026-05-04', now, 14)).toBe(true);
    expect(withinHorizon('2026-05-17', now, 14)).toBe(true);
    expect(withinHorizon('2026-05-18', now, 14)).toBe(false);
    expect(withinHorizon('2026-05-03', now, 14)).toBe(false);
    expect(horizonEnd(now, 14)).toBe('2026-05-17');
  });

  test('minimum notice at its boundary', () => {
    const now = new Date('2026-05-04T00:00:00Z');
    const policy = { minNoticeHours: 2, horizonDays: 14 };
    expect(isBookableStart(new Date('2026-05-04T02:00:00Z'), now, policy)).toBe(true);
    expect(isBookableStart(new Date('2026-05-04T01:59:59Z'), now, policy)).toBe(false);
  });
});
