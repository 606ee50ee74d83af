import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { startApi, type TestApi } from '../support/api';

// What the design relies on from the database, checked on the database the tests run against (FerretDB by
// default, MongoDB with MONGODB_URI): a document inserted with a given _id is created exactly once, however
// many writers race. Claims (refresh-token spends, later booking time cells and seats) are built on this.
let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

describe('database contract', () => {
  test('of 50 concurrent inserts with one _id exactly one succeeds, the rest fail with duplicate key 11000', async () => {
    const col = mongoose.connection.db!.collection<{ _id: string }>('contract_claims');
    const id = crypto.randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => col.insertOne({ _id: id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code?: number }).code === 11000)).toHaveLength(49);
  });

  test('of 20 concurrent deletes of one document exactly one reports it deleted', async () => {
    const col = mongoose.connection.db!.collection<{ _id: string }>('contract_claims');
    const id = crypto.randomUUID();
    await col.insertOne({ _id: id });
    const results = await Promise.all(Array.from({ length: 20 }, () => col.deleteOne({ _id: id })));
    expect(results.reduce((n, r) => n + r.deletedCount, 0)).toBe(1);
  });

  test('concurrent refreshes with one refresh token: exactly one succeeds', async () => {
    const login = await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'admin', password: 'Initial-admin-pass-1!' } });
    expect(login.status).toBe(200);
    const results = await Promise.all(Array.from({ length: 10 }, () => api.request('POST', '/api/v1/auth/staff/refresh', { body: { refreshToken: login.body.refreshToken } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });
});
