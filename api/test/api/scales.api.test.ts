import mongoose from 'mongoose';
import { AssessmentEventModel } from '../../src/modules/assessments/assessment-event.model';
import { rawRequest, startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.close(); });

const phq9 = (item9: number, others = 0) => [...Array(8).fill(others), item9];
const submit = (code: string, answers: unknown, headers: Record<string, string> = {}) =>
  api.request('POST', `/api/v1/scales/${code}/assessments`, { body: { answers }, headers });

describe('GET /api/v1/scales', () => {
  test('lists the validated scales with item counts; scales needing permission (EPDS, AD8) are off by default', async () => {
    const res = await api.request('GET', '/api/v1/scales');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['phq9', 'gad7', 'k10', 'who5']));
    expect(codes).not.toContain('epds');
    expect(codes).not.toContain('ad8');
    expect(res.body.items.find((s: { code: string }) => s.code === 'phq9')).toMatchObject({ itemCount: 9, abbreviation: 'PHQ-9' });
  });

  test('filters by audience', async () => {
    const res = await api.request('GET', '/api/v1/scales?audience=elderly');
    expect(res.body.items.map((s: { code: string }) => s.code)).toContain('gds15');
    expect(res.body.items.every((s: { audience: { tags: string[] } }) => s.audience.tags.includes('elderly'))).toBe(true);
  });
});

describe('GET /api/v1/scales/:code', () => {
  test('returns the whole definition a client renders, with an ETag that answers 304', async () => {
    const res = await api.request('GET', '/api/v1/scales/phq9');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(9);
    expect(res.body.criticalItems[0]).toMatchObject({ n: 9 });
    expect(res.body.verification).toBeUndefined();
    const etag = res.headers.get('etag')!;
    const again = await rawRequest(`${api.url}/api/v1/scales/phq9`, 'GET', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  test('an unknown scale is 404 SCALE_NOT_FOUND', async () => {
    const res = await api.request('GET', '/api/v1/scales/nosuch');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SCALE_NOT_FOUND');
  });
});

describe('POST /api/v1/scales/:code/assessments', () => {
  test('PHQ-9 item 9 answered "several days" is a crisis, whatever the total, and brings 12356, 110, 120 and the local line', async () => {
    const res = await submit('phq9', phq9(1));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.crisis).toBe(true);
    expect(res.body.hotlines.map((h: { phone: string }) => h.phone)).toEqual(expect.arrayContaining(['12356', '110', '120', '96111']));
    expect(res.body.disclaimer).toContain('不是诊断');
  });

  test('a severe PHQ-9 without item 9 is urgent (see a professional soon, with booking) but not a crisis', async () => {
    const res = await submit('phq9', phq9(0, 3));
    expect(res.body.total).toBe(24);
    expect(res.body.crisis).toBe(false);
    expect(res.body.hotlines).toBeUndefined();
    expect(res.body.urgent).toBe(true);
    expect(res.body.next.map((n: { kind: string }) => n.kind)).toContain('booking');
  });

  test('an anonymous GAD-7 stores nothing personal: one rollup row with scale, band, week and region only', async () => {
    const before = await AssessmentEventModel.countDocuments({ scale: 'gad7' });
    const residentsBefore = await mongoose.connection.db!.collection('residents').countDocuments();
    const res = await submit('gad7', [1, 2, 1, 0, 1, 2, 1]);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(8);
    const rows = await AssessmentEventModel.find({ scale: 'gad7' }).lean();
    expect(rows).toHaveLength(before + 1);
    expect(Object.keys(rows.at(-1)!).sort()).toEqual(['_id', 'band', 'region', 'scale', 'week']);
    expect(rows.at(-1)).toMatchObject({ band: res.body.band.key, region: null, week: expect.stringMatching(/^\d{4}-W\d{2}$/) });
    expect(await mongoose.connection.db!.collection('residents').countDocuments()).toBe(residentsBefore);
    expect(api.logs.join('\n')).not.toContain('[1,2,1,0,1,2,1]');
  });

  test.each([
    ['too few answers', [0, 0, 0], /9/],
    ['a value that is not an option', [0, 0, 0, 0, 0, 0, 0, 0, 4], /第9题/],
    ['a string', [0, 0, '1', 0, 0, 0, 0, 0, 0], /第3题/],
    ['a null', [0, null, 0, 0, 0, 0, 0, 0, 0], /第2题/],
    ['a float', [0, 0, 0, 1.5, 0, 0, 0, 0, 0], /第4题/],
    ['an operator object', [{ $gt: 0 }, 0, 0, 0, 0, 0, 0, 0, 0], /第1题/],
  ])('%s is a 400 naming the item, and nothing is counted', async (_name, answers, message) => {
    const before = await AssessmentEventModel.countDocuments();
    const res = await submit('phq9', answers);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error)).toMatch(message);
    expect(await AssessmentEventModel.countDocuments()).toBe(before);
  });

  test('answers that are not a list, unknown keys and an unknown region are refused', async () => {
    expect((await submit('phq9', { 0: 1 })).status).toBe(400);
    expect((await api.request('POST', '/api/v1/scales/phq9/assessments', { body: { answers: phq9(0), userId: 'x' } })).status).toBe(400);
    const region = await api.request('POST', '/api/v1/scales/phq9/assessments', { body: { answers: phq9(0), regionStationId: 'a'.repeat(24) } });
    expect(region.status).toBe(400);
  });

  test('a resent submission with the same Idempotency-Key is answered again but counted once, also when concurrent', async () => {
    const key = `k${Date.now()}abc`;
    const before = await AssessmentEventModel.countDocuments({ scale: 'k6' });
    const answers = [0, 1, 2, 3, 4, 0];
    const results = await Promise.all(Array.from({ length: 10 }, () => submit('k6', answers, { 'Idempotency-Key': key })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.total)).size).toBe(1);
    expect(await AssessmentEventModel.countDocuments({ scale: 'k6' })).toBe(before + 1);
    expect((await submit('k6', answers, { 'Idempotency-Key': 'bad key!' })).status).toBe(400);
  });
});

describe('scales that need permission', () => {
  test('are served once configuration records the permission', async () => {
    const withEpds = await startApi({ SCALES_ENABLED_WITH_PERMISSION: 'epds' }, { seed: false });
    try {
      const res = await withEpds.request('GET', '/api/v1/scales');
      expect(res.body.items.map((s: { code: string }) => s.code)).toContain('epds');
    } finally {
      await withEpds.close();
    }
  });
});
