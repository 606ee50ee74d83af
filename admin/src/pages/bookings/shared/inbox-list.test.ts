import type { AdminBooking } from '../../../services/bookings';
import { matchesFilter, needsFetch, parseStreamEvent, presetRange, sortInbox, statusQuery, upsertBooking } from './inbox-list';

let seq = 0;
function booking(overrides: Partial<AdminBooking> = {}): AdminBooking {
  seq += 1;
  return {
    id: `bk_${String(seq).padStart(24, '0')}`,
    status: 'pending',
    version: 1,
    stationId: 'a'.repeat(24),
    stationName: '东湖社区服务站',
    stationAddress: '',
    stationPhone: '',
    counselorId: 'c'.repeat(24),
    counselorName: '王老师',
    service: 'individual',
    start: '2026-05-06T01:00:00.000Z',
    end: '2026-05-06T01:50:00.000Z',
    seat: null,
    topic: null,
    contact: { name: '张三', phone: '13800138000' },
    forOther: null,
    cancelReason: null,
    createdAt: '2026-05-01T01:00:00.000Z',
    updatedAt: '2026-05-01T01:00:00.000Z',
    rating: null,
    notes: '',
    history: [],
    ...overrides,
  };
}

const FILTER = { view: 'open' as const, from: '2026-05-01', to: '2026-05-31' };

describe('sortInbox', () => {
  test('pending first with the newest request on top, then the rest soonest first', () => {
    const oldPending = booking({ createdAt: '2026-05-01T00:00:00.000Z' });
    const newPending = booking({ createdAt: '2026-05-02T00:00:00.000Z' });
    const later = booking({ status: 'confirmed', start: '2026-05-08T01:00:00.000Z' });
    const sooner = booking({ status: 'confirmed', start: '2026-05-07T01:00:00.000Z' });
    expect(sortInbox([later, oldPending, sooner, newPending]).map((b) => b.id)).toEqual([
      newPending.id,
      oldPending.id,
      sooner.id,
      later.id,
    ]);
  });
});

describe('upsertBooking', () => {
  test('a new booking is inserted in order; an update replaces the row', () => {
    const confirmed = booking({ status: 'confirmed' });
    const fresh = booking();
    const rows = upsertBooking([confirmed], fresh);
    expect(rows.map((b) => b.id)).toEqual([fresh.id, confirmed.id]);
    const updated = upsertBooking(rows, { ...fresh, status: 'confirmed', version: 2 });
    expect(updated).toHaveLength(2);
    expect(updated.find((b) => b.id === fresh.id)?.status).toBe('confirmed');
  });

  test('an older copy never overwrites a newer one (late event or slow fetch)', () => {
    const current = booking({ status: 'confirmed', version: 3 });
    const rows = upsertBooking([current], { ...current, status: 'pending', version: 2 });
    expect(rows[0]!.status).toBe('confirmed');
  });
});

describe('matchesFilter / statusQuery', () => {
  test('待处理 covers pending, confirmed and checked-in within the date range (China dates)', () => {
    expect(matchesFilter(booking(), FILTER)).toBe(true);
    expect(matchesFilter(booking({ status: 'completed' }), FILTER)).toBe(false);
    // 2026-05-31T16:30Z is already 1 June in China: outside the range.
    expect(matchesFilter(booking({ start: '2026-05-31T16:30:00.000Z' }), FILTER)).toBe(false);
    expect(matchesFilter(booking(), { ...FILTER, stationIds: new Set(['b'.repeat(24)]) })).toBe(false);
    expect(matchesFilter(booking(), { ...FILTER, stationIds: new Set(['a'.repeat(24)]) })).toBe(true);
    expect(statusQuery('open')).toBe('pending,confirmed,checked_in');
    expect(statusQuery('all')).toBeUndefined();
  });
});

describe('parseStreamEvent', () => {
  const data = JSON.stringify({
    id: 'bk_0123456789abcdef01234567',
    stationId: 'a'.repeat(24),
    start: '2026-05-06T01:00:00.000Z',
    status: 'pending',
    version: 1,
  });

  test('reads the contract fields of a booking event', () => {
    expect(parseStreamEvent('booking.created', data)).toEqual({
      type: 'booking.created',
      id: 'bk_0123456789abcdef01234567',
      stationId: 'a'.repeat(24),
      start: '2026-05-06T01:00:00.000Z',
      status: 'pending',
      version: 1,
    });
  });

  test('drops malformed messages instead of trusting them', () => {
    expect(parseStreamEvent('booking.deleted', data)).toBeNull();
    expect(parseStreamEvent('booking.created', '{not json')).toBeNull();
    expect(parseStreamEvent('booking.created', 'null')).toBeNull();
    expect(parseStreamEvent('booking.created', JSON.stringify({ id: '../../x', status: 'pending', version: 1 }))).toBeNull();
    expect(
      parseStreamEvent('booking.created', JSON.stringify({ id: 'bk_0123456789abcdef01234567', status: 'gone', version: 1 })),
    ).toBeNull();
  });
});

describe('needsFetch', () => {
  test('fetches unknown bookings the filter shows, and rows whose version moved on', () => {
    const row = booking({ version: 2 });
    const event = { type: 'booking.updated' as const, id: row.id, stationId: '', start: row.start, status: 'confirmed' as const };
    expect(needsFetch([row], { ...event, version: 2 }, FILTER)).toBe(false);
    expect(needsFetch([row], { ...event, version: 3 }, FILTER)).toBe(true);
    expect(needsFetch([], { ...event, id: 'bk_999999999999999999999999', version: 1 }, FILTER)).toBe(true);
    expect(
      needsFetch([], { ...event, id: 'bk_999999999999999999999999', status: 'completed', version: 4 }, FILTER),
    ).toBe(false);
  });
});

describe('presetRange', () => {
  test('ranges are China dates relative to today', () => {
    expect(presetRange('recent', '2026-05-06')).toEqual({ from: '2026-04-29', to: '2026-06-05' });
    expect(presetRange('today', '2026-05-06')).toEqual({ from: '2026-05-06', to: '2026-05-06' });
    expect(presetRange('week', '2026-05-06')).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(presetRange('next14', '2026-05-06')).toEqual({ from: '2026-05-06', to: '2026-05-19' });
    expect(presetRange('past30', '2026-05-06')).toEqual({ from: '2026-04-06', to: '2026-05-06' });
  });
});
