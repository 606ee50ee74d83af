import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { ROLES } from '../../http/route';

// JWTs are HS256 only, with issuer and audience pinned, so tokens for residents and staff never cross over
// and `alg: none` or key-substitution tricks are refused by jsonwebtoken's verify.
const ISSUER = 'xinan';
const ALGORITHM = 'HS256';

const residentClaims = z.object({ sub: z.string(), kind: z.literal('resident') });
const staffClaims = z.object({ sub: z.string(), kind: z.literal('staff'), sid: z.string(), role: z.enum(ROLES) });

export type ResidentClaims = z.infer<typeof residentClaims>;
export type StaffClaims = z.infer<typeof staffClaims>;

export class TokenExpired extends Error {}
export class TokenInvalid extends Error {}

export interface TokenService {
  signResident(residentId: string): string;
  signStaff(claims: Omit<StaffClaims, 'kind'>): string;
  verifyResident(token: string): ResidentClaims;
  verifyStaff(token: string): StaffClaims;
  accessTokenTtlSeconds: number;
}

export function createTokenService(secret: string, residentTtl: string, accessTokenTtlSeconds: number): TokenService {
  function verify<T>(token: string, audience: string, schema: z.ZodType<T>): T {
    let payload: unknown;
    try {
      payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) throw new TokenExpired();
      throw new TokenInvalid();
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new TokenInvalid();
    return parsed.data;
  }
  return {
    accessTokenTtlSeconds,
    signResident: (residentId) =>
      jwt.sign({ kind: 'resident' }, secret, {
        algorithm: ALGORITHM, issuer: ISSUER, audience: 'resident', subject: residentId,
        expiresIn: residentTtl as jwt.SignOptions['expiresIn'],
      }),
    signStaff: ({ sub, sid, role }) =>
      jwt.sign({ kind: 'staff', sid, role }, secret, {
        algorithm: ALGORITHM, issuer: ISSUER, audience: 'staff', subject: sub, expiresIn: accessTokenTtlSeconds,
        jwtid: crypto.randomUUID(),
      }),
    verifyResident: (token) => verify(token, 'resident', residentClaims),
    verifyStaff: (token) => verify(token, 'staff', staffClaims),
  };
}

/** 256-bit opaque refresh token; only its hash is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
