import type { Slot } from '../../../services/bookings';
import { rescheduleChoices } from './reschedule';

const ME = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);
const slot = (counselorId: string, start: string, extra: Partial<Slot> = {}): Slot => ({
  start,
  end: start,
  counselorId,
  counselorName: counselorId === ME ? '王老师' : '李老师',
  service: 'individual',
  capacity: 1,
  remaining: 1,
  ...extra,
});

describe('rescheduleChoices', () => {
  const booking = { service: 'individual' as const, start: '2026-05-06T01:00:00.000Z', counselorId: ME };

  test('groups by counselor with the current counselor first and leaves out the current time', () => {
    const groups = rescheduleChoices(
      [
        slot(OTHER, '2026-05-06T01:00:00.000Z'),
        slot(ME, '2026-05-06T03:00:00.000Z'),
        slot(ME, '2026-05-06T01:00:00.000Z'),
        slot(ME, '2026-05-06T02:00:00.000Z'),
      ],
      booking,
    );
    expect(groups.map((g) => g.counselorName)).toEqual(['王老师', '李老师']);
    expect(groups[0]!.choices.map((c) => c.label)).toEqual(['10:00', '11:00']);
    expect(groups[1]!.choices.map((c) => c.label)).toEqual(['09:00']);
  });

  test('full slots are shown as 已约满 and cannot be chosen; other services are left out', () => {
    const groups = rescheduleChoices(
      [slot(ME, '2026-05-06T02:00:00.000Z', { remaining: 0 }), slot(ME, '2026-05-06T05:00:00.000Z', { service: 'family' })],
      booking,
    );
    expect(groups[0]!.choices).toEqual([
      expect.objectContaining({ label: '10:00 已约满', disabled: true }),
    ]);
  });
});
