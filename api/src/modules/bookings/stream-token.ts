// EventSource cannot send an Authorization header, so the inbox stream takes a short-lived token in the query
// string instead: signed with the API's JWT key but for its own audience, so it cannot be used as an access token
// (and an access token cannot be used here). The request log records only the path, never the query.
import jwt from 'jsonwebtoken';
import { z } from 'zod';

const AUDIENCE = 'booking-stream';
const ISSUER = 'xinan';
export const STREAM_TOKEN_TTL_SECONDS = 60;

const claims = z.object({ sub: z.string() });

export function createStreamTokens(secret: string) {
  return {
    sign(staffId: string): string {
      return jwt.sign({}, secret, { algorithm: 'HS256', audience: AUDIENCE, issuer: ISSUER, subject: staffId, expiresIn: STREAM_TOKEN_TTL_SECONDS });
    },
    /** The staff id, or null for a missing, expired or foreign token. */
    verify(token: string): string | null {
      try {
        const parsed = claims.safeParse(jwt.verify(token, secret, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER }));
        return parsed.success ? parsed.data.sub : null;
      } catch {
        return null;
      }
    },
  };
}

export type StreamTokens = ReturnType<typeof createStreamTokens>;
