export interface EmbeddedDb { uri: string; port: number; pid: number | undefined; stop(): Promise<void> }
export function ensureFerretDB(log?: (m: string) => void): string;
export function startFerretDB(opts?: { dataDir?: string; port?: number; log?: (m: string) => void; timeoutMs?: number }): Promise<EmbeddedDb>;
export function freePort(): Promise<number>;
/** Whether something accepts TCP connections on 127.0.0.1:port (used to wait for a server to come up). */
export function canConnect(port: number): Promise<boolean>;
export const FERRETDB_VERSION: string;
export const binPath: string;
export const repoRoot: string;
