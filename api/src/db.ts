import mongoose from 'mongoose';

// Second line of defence behind request schemas: `$`-keyed values in filters are wrapped in $eq, and
// filters on fields the schema does not know are dropped.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export async function connectDatabase(uri: string, dbName: string): Promise<typeof mongoose> {
  return mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // Keep trying in the background when the database goes away; /healthz reports it meanwhile.
    heartbeatFrequencyMS: 2000,
  });
}

/** True when the database answers a ping within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db.admin().ping().then(() => true, () => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/**
 * True for MongoDB's duplicate-key error (11000). Our claims insert a document whose _id is a natural key; losing
 * that race is how "already done" is detected, on MongoDB and on FerretDB alike.
 */
export function isDuplicateKey(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;
}
