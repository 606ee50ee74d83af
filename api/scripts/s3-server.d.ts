// Types of s3-server.js (plain CommonJS, so Jest setup code and plain Node can load it) for the TypeScript tests.
export interface S3TestServer {
  endpoint: string;
  port: number;
  region: string;
  bucket: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
  /** The MEDIA_STORE=s3 settings that point the API at this server. */
  env: Record<string, string>;
  pid: number | undefined;
  stop(): Promise<void>;
}
export const VERSITYGW_VERSION: string;
export const binPath: string;
export function ensureS3Server(log?: (line: string) => void): Promise<string>;
export function startS3Server(opts: {
  dataDir: string; port?: number; bucket?: string; accessKeyId?: string; secretAccessKey?: string; region?: string;
  log?: (line: string) => void; timeoutMs?: number;
}): Promise<S3TestServer>;
