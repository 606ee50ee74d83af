import { CounselorModel } from '../../src/modules/counselors/counselor.model';
import { seedStationId } from '../../src/modules/stations/stations.service';
import { startApi, type TestApi } from '../support/api';
import { at, book, bookingBody, chinaDay, EVERY_DAY, makeCounselor, resident, sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.close(); });

const availability = async (key: string, qs = '') => (await api.request('GET', `/api/v1/stations/${sid(key)}/availability${qs}`)).body;
const retire = (key: string) => CounselorModel.updateMany({ stationId: seedStationId(key) }, { $set: { active: false } });

describe('availability per day', () => {
  test('counts the slots with room each day; a booked slot stops counting', async () => {
    await retire('s3c2');
    const oneSlotADay = { ...EVERY_DAY, weekly: EVERY_DAY.weekly.map((w) => ({ ...w, end: '10:00' })) };
    const c = await makeCounselor('s3c2', oneSlotADay);
    const before = await availability('s3c2', `?from=${chinaDay(1)}&days=5`);
    expect(before.days).toEqual([1, 2, 3, 4, 5].map((d) => ({ date: chinaDay(d), free: 1 })));
    expect(before.overflow).toBeNull();
    await book(api, await resident(api), bookingBody('s3c2', c, at(2, '09:00')));
    expect((await availability('s3c2', `?from=${chinaDay(1)}&days=5`)).days.map((d: { free: number }) => d.free)).toEqual([1, 0, 1, 1, 1]);
    // The horizon applies: days beyond it are 0.
    expect((await availability('s3c2', `?from=${chinaDay(12)}&days=4`)).days.map((d: { free: number }) => d.free)).toEqual([1, 1, 0, 0]);
    for (const qs of ['?days=0', '?days=32', '?from=2026-13-01', '?service=vip']) expect((await api.request('GET', `/api/v1/stations/${sid('s3c2')}/availability${qs}`)).status).toBe(400);
  });
});

describe('tiered overflow', () => {
  test('a community with nothing free offers its street, and a street with nothing free the district', async () => {
    await retire('s2c3');
    const community = await availability('s2c3');
    expect(community.days).toHaveLength(14);
    expect(community.days.every((d: { free: number }) => d.free === 0)).toBe(true);
    expect(community.overflow).toMatchObject({ stationId: sid('s2'), name: '西园街道社会心理服务站', level: 'street' });
    expect(community.overflow.firstFreeDate >= chinaDay(0) && community.overflow.firstFreeDate <= chinaDay(13)).toBe(true);
    // The offered date really has a free slot at the street station.
    const slots = (await api.request('GET', `/api/v1/stations/${sid('s2')}/slots?date=${community.overflow.firstFreeDate}`)).body.items;
    expect(slots.some((s: { remaining: number }) => s.remaining > 0)).toBe(true);

    await retire('s2');
    expect((await availability('s2c3')).overflow).toMatchObject({ stationId: sid('district'), level: 'district' });
    expect((await availability('s2')).overflow).toMatchObject({ stationId: sid('district') });
    // Only a family session asked for: the district offers those too.
    expect((await availability('s2c3', '?service=family')).overflow).toMatchObject({ stationId: sid('district') });
    // The district has no station above it.
    await retire('district');
    expect((await availability('s2c3')).overflow).toBeNull();
    expect((await availability('district')).overflow).toBeNull();
  });
});
