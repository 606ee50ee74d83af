import fs from 'node:fs';
import path from 'node:path';
import content from '@xinan/content';
import { StaffModel } from '../../src/modules/staff/staff.model';
import { bootstrapStaff } from '../../src/modules/staff/staff.bootstrap';
import { StationModel } from '../../src/modules/stations/station.model';
import { startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi({ ADMIN_INITIAL_PASSWORD: undefined }, { seed: false }); });
afterAll(async () => { await api.close(); });

const opts = (over: Partial<Parameters<typeof bootstrapStaff>[1]> = {}) => ({
  dataDir: api.config.dataDir, isProduction: false, adminInitialPassword: undefined, demoPassword: api.config.demoPassword,
  demoStations: content.demoStations.stations, print: () => undefined, ...over,
});

describe('first start', () => {
  test('creates admin with a random password printed once and saved under DATA_DIR, plus demo data; a second start changes nothing', async () => {
    const printed: string[] = [];
    await bootstrapStaff(api.services.stations, opts({ print: (l) => printed.push(l) }));
    const file = path.join(api.config.dataDir, 'initial-admin-password.txt');
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(printed.filter((l) => l.includes(password))).toHaveLength(1);
    const login = await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'admin', password } });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('district_admin');

    expect(await StationModel.countDocuments()).toBe(13);
    const staff = await StaffModel.find({}, { username: 1, role: 1 }).lean();
    expect(staff.filter((s) => s.role === 'station_staff')).toHaveLength(13);
    expect(staff.map((s) => s.username)).toEqual(expect.arrayContaining(['demo-editor', 'demo-reviewer', 'demo-admin', 'station-s1c1']));

    await bootstrapStaff(api.services.stations, opts({ print: (l) => printed.push(l) }));
    await Promise.all([bootstrapStaff(api.services.stations, opts()), bootstrapStaff(api.services.stations, opts())]);
    expect(await StationModel.countDocuments()).toBe(13);
    expect(await StaffModel.countDocuments()).toBe(staff.length);
    expect(printed.filter((l) => l.includes(password))).toHaveLength(1);
  });
});

describe('first start in production', () => {
  test('creates only admin, with ADMIN_INITIAL_PASSWORD, and no demo data', async () => {
    await StaffModel.deleteMany({});
    await StationModel.deleteMany({});
    await bootstrapStaff(api.services.stations, opts({ isProduction: true, adminInitialPassword: 'Prod-initial-pass-9!' }));
    expect(await StaffModel.countDocuments()).toBe(1);
    expect(await StationModel.countDocuments()).toBe(0);
    const login = await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'admin', password: 'Prod-initial-pass-9!' } });
    expect(login.status).toBe(200);
  });
});
