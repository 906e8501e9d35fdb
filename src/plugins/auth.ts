import { createRequire } from 'node:module';
import fastifyJwt from '@fastify/jwt';
import type { Algorithm } from 'fast-jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type lruMap from 'mnemonist/lru-map.js';
import { z } from 'zod';
import { type Config, jwtAlgorithmForKey } from '../config.ts';
import { AppError, forbidden, unauthorized } from '../lib/errors.ts';
import { CLOCK_SKEW_SECONDS, issuedBeforeOrganisation, refuseTokenTimes } from '../lib/token-rules.ts';
import type { TokenOrganisation } from '../modules/organisations/organisations.repository.ts';
import { memberKinds, type Organisation, type OrganisationKind } from '../modules/organisations/organisations.table.ts';

// mnemonist exports its single structures to require only (its index would load every one);
// its types describe an ES module whose default is the class.
const LRUMap = createRequire(import.meta.url)('mnemonist/lru-map') as typeof lruMap.default;

export const scopes = ['registry:read', 'signals:write', 'subscriptions:manage', 'audit:read', 'admin'] as const;
export type Scope = (typeof scopes)[number];

/** Who is calling: one API client acting for exactly one organisation. */
export interface Principal {
  sub: string;
  org: Organisation;
  scopes: ReadonlySet<Scope>;
  /**
   * For a supplier organisation, the organisation numbers it answers for now (10 digits);
   * empty for every other kind. Read with the organisation on every request.
   */
  represents: readonly string[];
  /** The request's id, recorded with every audit entry it causes. */
  requestId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** A caller whose organisation its route reads in its own statement, until admitted (AccessRule.organisationInRoute). */
    pendingCaller: PendingCaller | null;
  }
}

// Well-formed Unicode (no unpaired surrogate): the sub is kept in rows and hashed into the audit chain (json-body.ts says why).
const claimText = (max: number) => z.string().min(1).max(max).refine((value) => value.isWellFormed());
const claimsSchema = z.object({
  sub: claimText(200),
  org: claimText(63),
  scope: z.string().max(500).default(''),
});

export interface AuthOptions {
  config: Config;
  /**
   * Looks up the token's organisation and whether its client (sub) is revoked, on every
   * request: a suspension or revocation must hold at once on every replica, so no
   * process keeps a copy.
   */
  findOrganisation: (id: string, sub: string) => Promise<TokenOrganisation | undefined>;
  /** What the registry keeps of a `sub`: a personnummer becomes a keyed pseudonym (src/lib/pseudonyms.ts). */
  pseudonymise: (sub: string) => string;
}

export const jwtErrorCodes: Record<string, string> = {
  FAST_JWT_EXPIRED: 'auth.token_expired',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'auth.token_expired',
};

/** Verified tokens kept at most, per process (an LRU; about 1 KB each). */
export const TOKEN_VERIFY_CACHE_SIZE = 10_000;
/** How long a verified token's claims are kept at most; its exp always ends it sooner. */
export const TOKEN_VERIFY_CACHE_TTL_MS = 10 * 60_000;
/** Longer Authorization headers are verified on every request, not kept (so the cache stays under about 25 MB; a usual token is a fifth of this). */
const TOKEN_VERIFY_CACHE_MAX_CHARS = 2_048;

/** Verification settings shared by the plugin (which keeps its own cache instead of fast-jwt's: verifyToken) and the development token command. */
export function jwtSettings(config: Config) {
  const algorithm = config.JWT_PUBLIC_KEY ? jwtAlgorithmForKey(config.JWT_PUBLIC_KEY) : 'HS256';
  return {
    algorithm,
    secret: config.JWT_PUBLIC_KEY ? { public: config.JWT_PUBLIC_KEY } : (config.JWT_SECRET as string),
    verify: {
      algorithms: [algorithm as Algorithm],
      allowedIss: config.JWT_ISSUER,
      allowedAud: config.JWT_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub', 'org', 'iss', 'aud'],
      // A token's signature is checked once, then its verified claims are kept for the
      // next requests with the same token: an ES256 check costs more than the rest of a
      // status read in this process. Bounded (least recently used out), and an entry
      // never outlives the token's exp (nor nbf before it) or TOKEN_VERIFY_CACHE_TTL_MS.
      // Only the signature is remembered: revocation and suspension are checked on every
      // request (admit below).
      cache: TOKEN_VERIFY_CACHE_SIZE,
      cacheTTL: TOKEN_VERIFY_CACHE_TTL_MS,
    },
  };
}

const timeRefusals = {
  'auth.invalid_token': 'The token must carry numeric exp and iat claims.',
  'auth.token_issued_in_future': `The token's iat is in the future (more than ${CLOCK_SKEW_SECONDS} s ahead of the registry's clock).`,
  'auth.token_lifetime_too_long': 'The token lives longer (exp − iat) than this registry accepts (MAX_TOKEN_LIFETIME).',
} as const;

/** What a verified token says, before its organisation is read: the kept form of its sub, its organisation's id, its scopes. */
export interface VerifiedToken {
  sub: string;
  orgId: string;
  scopes: ReadonlySet<Scope>;
  iat: number;
}

/**
 * What verifyToken found for an Authorization header, until the token's exp (or the cache's
 * TTL): a hit skips decoding, the signature, the claims' schema and the pseudonym, which
 * cannot come out otherwise for the same token before its exp (the time rules refuse only
 * an iat too far ahead or a lifetime too long, both fixed by the token). Refusals are not kept.
 */
type VerifiedTokens = InstanceType<typeof LRUMap<string, { token: VerifiedToken; until: number }>>;

async function verifyToken(request: FastifyRequest, opts: AuthOptions, verified: VerifiedTokens): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  if (!header) throw unauthorized({ code: 'auth.missing_token', detail: 'Send Authorization: Bearer <JWT>.' });
  const cacheable = header.length <= TOKEN_VERIFY_CACHE_MAX_CHARS;
  const kept = cacheable ? verified.get(header) : undefined;
  if (kept && Date.now() < kept.until) return kept.token;
  let payload: unknown;
  try {
    payload = await request.jwtVerify();
  } catch (error) {
    const code = jwtErrorCodes[(error as { code?: string }).code ?? ''] ?? 'auth.invalid_token';
    throw unauthorized({ code, detail: code === 'auth.token_expired' ? 'The token has expired.' : 'The token is not valid for this service.' });
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw unauthorized({ code: 'auth.invalid_token', detail: 'The token lacks the sub, org or scope claim.' });
  // A verified signature is not enough: a token that could live for years, or was minted
  // with a clock set ahead, would stay good after its client was meant to be gone.
  const timeRefusal = refuseTokenTimes(payload as { iat?: unknown; exp?: unknown }, Date.now(), opts.config.MAX_TOKEN_LIFETIME);
  if (timeRefusal) throw unauthorized({ code: timeRefusal, detail: timeRefusals[timeRefusal] });
  const granted = new Set(claims.data.scope.split(' ').filter((s): s is Scope => (scopes as readonly string[]).includes(s)));
  // Everything after this line, the audit log included, sees only the kept form of the subject.
  const token = { sub: opts.pseudonymise(claims.data.sub), orgId: claims.data.org, scopes: granted, iat: (payload as { iat: number }).iat };
  if (cacheable) verified.set(header, { token, until: Math.min((payload as { exp: number }).exp * 1000, Date.now() + TOKEN_VERIFY_CACHE_TTL_MS) });
  return token;
}

/** The caller, once its organisation (and the client's revocation) has been read: refused unless the organisation may act. */
function admit(request: FastifyRequest, token: VerifiedToken, found: TokenOrganisation | undefined): Principal {
  if (!found) throw unauthorized({ code: 'auth.unknown_organisation', detail: 'The token names an organisation this registry does not know.' });
  const { clientRevoked, represents, ...org } = found;
  // A token minted for an organisation id before that organisation was registered was not
  // issued to it (the id may have been someone else's, or guessed in advance).
  if (issuedBeforeOrganisation(token.iat, org.createdAt)) {
    throw unauthorized({ code: 'auth.token_issued_before_organisation', detail: 'The token was issued before its organisation was registered.' });
  }
  if (clientRevoked) throw unauthorized({ code: 'auth.client_revoked', detail: 'This API client has been revoked by the registry operator.' });
  if (org.suspendedAt) throw forbidden({ code: 'auth.organisation_suspended', detail: 'The organisation is suspended by the registry operator.' });
  return { sub: token.sub, org, scopes: token.scopes, represents, requestId: request.id };
}

/** The route-level rule on an admitted caller: the scope, then the organisation's kind. */
function checkRule(principal: Principal, rule: AccessRule): void {
  if (!principal.scopes.has(rule.scope)) throw forbidden({ code: 'auth.missing_scope', detail: `The token lacks the ${rule.scope} scope.` });
  if (!admitsKind(rule, principal.org.kind)) {
    throw forbidden({
      code: 'auth.forbidden',
      detail: principal.org.kind === 'supplier'
        ? 'A supplier organisation reads the signals about the organisation numbers it answers for and replies to them; it may not do this.'
        : `A ${principal.org.kind} organisation may not do this.`,
    });
  }
}

/**
 * A caller whose token is verified and carries the rule's scope, and whose organisation the
 * route reads in its own first statement (AccessRule.organisationInRoute): `admit` makes the
 * principal from what that statement read, with the checks every other route makes before
 * its handler; `complete` reads the organisation on its own, for an answer given before the
 * route's statement ran (a validation error, a 429).
 */
export interface PendingCaller {
  token: VerifiedToken;
  admit(found: TokenOrganisation | undefined): Principal;
  complete(): Promise<Principal>;
}

export interface AccessRule {
  /** The token must carry this scope. */
  scope: Scope;
  /**
   * The caller's organisation must be one of these kinds. When absent: any kind but a
   * supplier, unless `suppliers` admits it too — a supplier organisation reaches only the
   * routes that say so (README, "The supplier's reply").
   */
  kinds?: readonly OrganisationKind[];
  suppliers?: boolean;
  /**
   * The route reads the caller's organisation and the client's revocation in its own first
   * statement, instead of a statement of their own before the handler (one round trip fewer
   * on the hottest read). The hook verifies the token and its scope; the route must take its
   * principal from `callerOf(request).admit(found)` before it uses anything it read, and the
   * same checks as everywhere decide (see `PendingCaller`). Any answer given before that —
   * a validation error, a 429, an error in the handler — reads the organisation first, so
   * a revoked or suspended caller gets its 401 or 403 and nothing else; a 2xx sent without
   * the caller admitted is turned into a 500 (onSend below).
   */
  organisationInRoute?: boolean;
}

/** Whether the rule admits an organisation of this kind. */
export const admitsKind = (rule: Pick<AccessRule, 'kinds' | 'suppliers'>, kind: OrganisationKind): boolean =>
  rule.kinds ? rule.kinds.includes(kind) : kind !== 'supplier' || rule.suppliers === true;

/**
 * Authentication and the route-level half of authorisation (scope × organisation
 * kind). The object-level half — whose signal is it — lives in each service.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  const settings = jwtSettings(opts.config);
  // This plugin keeps what a verified token says (verifyToken), so fast-jwt's own cache of the signature is not needed here.
  await app.register(fastifyJwt, { secret: settings.secret, verify: { ...settings.verify, cache: false } });
  const verified: VerifiedTokens = new LRUMap(TOKEN_VERIFY_CACHE_SIZE);

  app.decorateRequest('principal', null);
  app.decorateRequest('pendingCaller', null);

  const admitted = (request: FastifyRequest, rule: AccessRule, token: VerifiedToken, found: TokenOrganisation | undefined): Principal => {
    request.pendingCaller = null;
    const principal = admit(request, token, found);
    request.principal = principal;
    checkRule(principal, rule);
    return principal;
  };
  const lookUp = (token: VerifiedToken) => opts.findOrganisation(token.orgId, token.sub);

  // Routes attach this as `onRequest`, so it runs before the body is parsed or
  // validated: a caller without a valid token gets 401, never a 400 or 413 that
  // describes the request, and a refused caller never costs a parse.
  app.decorate('authorize', (rule: AccessRule): onRequestAsyncHookHandler => async (request) => {
    const token = await verifyToken(request, opts, verified);
    // A token without the scope is refused here, after its organisation is read as on every other route.
    if (!rule.organisationInRoute || !token.scopes.has(rule.scope)) {
      admitted(request, rule, token, await lookUp(token));
      return;
    }
    request.pendingCaller = {
      token,
      admit: (found) => admitted(request, rule, token, found),
      complete: async () => admitted(request, rule, token, await lookUp(token)),
    };
  });

  app.addHook('onSend', async (request, reply) => {
    // A route that reads the caller in its own statement and answers without having admitted
    // it: never a success; an error answer sent around the error handler reads the caller
    // first, and a refusal takes its place (thrown here, sent by the error handler).
    const pending = request.pendingCaller;
    if (pending) {
      if (reply.statusCode < 400) {
        request.pendingCaller = null;
        throw new AppError(500, 'internal.error', 'Internal Server Error', 'answered without admitting the caller');
      }
      await pending.complete();
    }
    if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="supplier-signal-registry"');
  });
}, { name: 'auth', dependencies: ['errors'] });

declare module 'fastify' {
  interface FastifyInstance {
    authorize(rule: AccessRule): onRequestAsyncHookHandler;
  }
}

/** The caller of a route whose rule reads the organisation in the route (AccessRule.organisationInRoute), not yet admitted. */
export function callerOf(request: FastifyRequest): PendingCaller {
  if (!request.pendingCaller) throw new AppError(500, 'internal.error', 'Internal Server Error', 'route without a pending caller');
  return request.pendingCaller;
}

/** The principal of an authorised request; routes call this after `authorize`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(500, 'internal.error', 'Internal Server Error', 'route without authorisation');
  return request.principal;
}

/** Members with signals:write, or the operator with admin (who may then do what the service lets it). */
export function memberOrOperator(app: FastifyInstance): onRequestAsyncHookHandler {
  const member = app.authorize({ scope: 'signals:write', kinds: memberKinds });
  const operator = app.authorize({ scope: 'admin', kinds: ['operator'] });
  return async function (request, reply) {
    try {
      await member.call(this, request, reply);
    } catch (error) {
      if (request.principal?.org.kind !== 'operator') throw error;
      await operator.call(this, request, reply);
    }
  };
}
