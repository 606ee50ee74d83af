export interface EmbeddedDb { uri: string; port: number; pid: number | undefined; stop(): Promise<void> }
export function ensureFerretDB(log?: (m: string) => void): string;
export function startFerretDB(opts?: { dataDir?: string; port?: number; log?: (m: string) => void; timeoutMs?: number }): Promise<EmbeddedDb>;
export function freePort(): Promise<number>;
export const FERRETDB_VERSION: string;
export const binPath: string;
export const repoRoot: string;
