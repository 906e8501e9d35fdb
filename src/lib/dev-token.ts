import { createSigner } from 'fast-jwt';
import type { Config } from '../config.ts';

/** A development token signed with JWT_SECRET (HS256), as `npm run token` and the demo print them. */
export function signDevToken(config: Pick<Config, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>, claims: { org: string; scope: string; sub?: string }, ttlMs = 8 * 3_600_000): string {
  if (!config.JWT_SECRET) throw new Error('development tokens need JWT_SECRET');
  const sign = createSigner({ key: config.JWT_SECRET, algorithm: 'HS256', iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE, expiresIn: ttlMs });
  return sign({ sub: claims.sub ?? `${claims.org}-dev`, org: claims.org, scope: claims.scope });
}
