import type { AdminBooking, Block } from '../../../services/bookings';
import { buildColumns, buildGrid, calendarEntries, visibleDates } from './calendar-grid';

const C1 = '1'.repeat(24);
const C2 = '2'.repeat(24);

function booking(id: string, counselorId: string, start: string, end: string, status: AdminBooking['status'] = 'confirmed') {
  return { id, counselorId, start, end, status } as AdminBooking;
}

const block = (id: string, counselorId: string, start: string, end: string): Block => ({ id, counselorId, start, end, reason: '' });

describe('calendarEntries', () => {
  test('leaves cancelled bookings out (their time is free again) and keeps blocks', () => {
    const entries = calendarEntries(
      [
        booking('bk_a', C1, '2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z'),
        booking('bk_b', C1, '2026-05-06T02:00:00.000Z', '2026-05-06T02:50:00.000Z', 'cancelled_by_resident'),
        booking('bk_c', C1, '2026-05-06T03:00:00.000Z', '2026-05-06T03:50:00.000Z', 'cancelled_by_station'),
      ],
      [block('bl_a', C2, '2026-05-06T05:00:00.000Z', '2026-05-06T06:00:00.000Z')],
    );
    expect(entries.map((e) => e.id)).toEqual(['bk_a', 'bl_a']);
  });
});

describe('columns', () => {
  test('a day has one column per counselor; a week has Monday to Sunday', () => {
    expect(buildColumns('day', '2026-05-06', [C1, C2]).map((c) => c.counselorId)).toEqual([C1, C2]);
    expect(buildColumns('day', '2026-05-06', [C1, C2], C2).map((c) => c.counselorId)).toEqual([C2]);
    expect(visibleDates('week', '2026-05-06')).toEqual([
      '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-10',
    ]);
  });
});

describe('buildGrid', () => {
  test('puts a 09:00–09:50 (China) booking in the 09:00 and 09:30 rows of its counselor only', () => {
    const columns = buildColumns('day', '2026-05-06', [C1, C2]);
    const entries = calendarEntries([booking('bk_a', C1, '2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z')], []);
    const rows = buildGrid(columns, entries);
    const at = (time: string) => rows.find((r) => r.time === time)!;
    expect(at('09:00').cells[`2026-05-06|${C1}`]).toEqual([{ entry: entries[0], continued: false }]);
    expect(at('09:30').cells[`2026-05-06|${C1}`]).toEqual([{ entry: entries[0], continued: true }]);
    expect(at('10:00').cells[`2026-05-06|${C1}`]).toEqual([]);
    expect(at('09:00').cells[`2026-05-06|${C2}`]).toEqual([]);
  });

  test('shows 08:00–21:00 by default and widens the range to early or late entries', () => {
    const columns = buildColumns('day', '2026-05-06', [C1]);
    expect(buildGrid(columns, []).map((r) => r.time)[0]).toBe('08:00');
    expect(buildGrid(columns, []).at(-1)!.time).toBe('20:30');
    const early = calendarEntries([booking('bk_e', C1, '2026-05-05T22:30:00.000Z', '2026-05-05T23:20:00.000Z')], []);
    const rows = buildGrid(columns, early);
    expect(rows[0]!.time).toBe('06:30');
  });

  test('a week column shows every counselor on that date; entries on other days stay out', () => {
    const columns = buildColumns('week', '2026-05-06', [C1, C2]);
    const entries = calendarEntries(
      [
        booking('bk_a', C1, '2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z'),
        booking('bk_b', C2, '2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z'),
      ],
      [],
    );
    const nine = buildGrid(columns, entries).find((r) => r.time === '09:00')!;
    expect(nine.cells['2026-05-06']!.map((c) => c.entry.id)).toEqual(['bk_a', 'bk_b']);
    expect(nine.cells['2026-05-07']).toEqual([]);
  });

  test('a block across midnight appears on both days, clipped to each', () => {
    const columns = buildColumns('week', '2026-05-06', [C1]);
    // 2026-05-06 20:00 → 2026-05-07 10:00 China time.
    const entries = calendarEntries([], [block('bl_x', C1, '2026-05-06T12:00:00.000Z', '2026-05-07T02:00:00.000Z')]);
    const rows = buildGrid(columns, entries);
    expect(rows[0]!.time).toBe('00:00');
    expect(rows.at(-1)!.time).toBe('23:30');
    const at = (time: string) => rows.find((r) => r.time === time)!;
    expect(at('20:00').cells['2026-05-06']).toEqual([{ entry: entries[0], continued: false }]);
    expect(at('09:30').cells['2026-05-07']).toHaveLength(1);
    expect(at('10:00').cells['2026-05-07']).toEqual([]);
    expect(at('19:30').cells['2026-05-06']).toEqual([]);
  });
});
