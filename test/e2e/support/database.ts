import mongoose from 'mongoose';

/** The product's own database during e2e, read directly to check what a journey stored (or did not). */
export async function withProductDb<T>(fn: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const uri = process.env.E2E_MONGODB_URI;
  if (!uri) throw new Error('E2E_MONGODB_URI not set: run through `npm run e2e -w test`');
  const conn = await mongoose.createConnection(uri, { dbName: process.env.E2E_MONGODB_DB ?? 'xinan' }).asPromise();
  try {
    return await fn(conn.db!);
  } finally {
    await conn.close();
  }
}
