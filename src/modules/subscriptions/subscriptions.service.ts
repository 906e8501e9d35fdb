import type { Config } from '../../config.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { checkHostAllowed } from '../../lib/ssrf.ts';
import { newWebhookSecret } from '../../lib/webhook-signature.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { WebhookSender } from '../deliveries/deliveries.sender.ts';
import type { WebhookKeyring } from '../webhook-keys/webhook-keys.keyring.ts';
import { pingBody } from '../events/events.payload.ts';
import type { OrganisationRepository } from '../organisations/organisations.repository.ts';
import type { SubscriptionRepository } from './subscriptions.repository.ts';
import { affectsNotAllowed, subscriptionChanged, subscriptionNotFound, tooManySubscriptions, unknownOrganisations, unsafeUrl } from './subscriptions.errors.ts';
import { mayNameInAffects } from './subscriptions.matching.ts';
import { subscriptionTag, toSubscriptionResponse } from './subscriptions.schemas.ts';
import { meets, type Precondition } from '../../lib/preconditions.ts';
import type { SubscriptionFilters, SubscriptionRow } from './subscriptions.table.ts';

export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 50;
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export function createSubscriptionService(deps: {
  db: Db;
  audit: Pick<AuditService, 'record'>;
  subscriptions: SubscriptionRepository;
  organisations: Pick<OrganisationRepository, 'findByIds'>;
  sender: WebhookSender;
  webhookKeys: Pick<WebhookKeyring, 'signingKeys' | 'ready'>;
  config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS'>;
  newId: () => string;
}) {
  const { db, audit, subscriptions, organisations, sender, webhookKeys, config, newId } = deps;

  /** Runs a subscription write and its audit entry in one transaction; secrets never enter the audit digest. */
  const audited = <T>(principal: Principal, action: string, id: string, change: unknown, write: (tx: Tx) => Promise<T>) =>
    db.transaction(async (tx) => {
      const result = await write(tx);
      await audit.record(tx, principal, { action, targetType: 'subscription', targetId: id, change });
      return result;
    });

  /** Checked at registration; the sender checks again at connect time (DNS rebinding). */
  const checkUrl = async (raw: string) => {
    if (config.WEBHOOK_ALLOW_PRIVATE_NETWORKS) return;
    const url = new URL(raw);
    if (url.protocol !== 'https:') throw unsafeUrl('it must use https');
    if (url.username || url.password) throw unsafeUrl('it must not carry credentials');
    const allowed = await checkHostAllowed(url.hostname);
    if (!allowed.ok) throw unsafeUrl(allowed.reason);
  };

  /** The organisations an `affects` filter names must exist and be the caller's to name. */
  const checkAffects = async (principal: Principal, filters: SubscriptionFilters | undefined) => {
    const named = [...new Set(filters?.affects?.organisations ?? [])];
    if (named.length === 0) return;
    const found = await organisations.findByIds(named);
    const unknown = named.filter((id) => !found.some((o) => o.id === id));
    if (unknown.length) throw unknownOrganisations(unknown);
    const refused = found.filter((o) => !mayNameInAffects(principal.org, o)).map((o) => o.id);
    if (refused.length) throw affectsNotAllowed(refused);
  };

  const own = async (principal: Principal, id: string): Promise<SubscriptionRow> => {
    const row = await subscriptions.findOwn(principal.org.id, id);
    if (!row) throw subscriptionNotFound(id);
    return row;
  };

  return {
    create: async (principal: Principal, input: { url: string; description?: string | undefined; filters: SubscriptionFilters; v1aSignatures: boolean }) => {
      await checkUrl(input.url);
      await checkAffects(principal, input.filters);
      if ((await subscriptions.countOwn(principal.org.id)) >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
        throw tooManySubscriptions(MAX_SUBSCRIPTIONS_PER_ORGANISATION);
      }
      const id = newId();
      return audited(principal, 'subscription.created', id, input, (tx) =>
        subscriptions.insert(tx, {
          id,
          orgId: principal.org.id,
          url: input.url,
          description: input.description ?? null,
          filters: input.filters,
          v1aSignatures: input.v1aSignatures,
          secret: newWebhookSecret(),
        }),
      );
    },

    /** One page of the organisation's own, each with its pending deliveries, for its health. */
    list: async (principal: Principal, query: { cursor?: string | undefined; limit: number }) => {
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, UUID_PATTERN);
      const { items: rows, nextCursor } = pageOf(await subscriptions.listOwn(principal.org.id, after, query.limit + 1), query.limit, (r) => r.id);
      const pending = await subscriptions.pendingOf(rows.map((r) => r.id));
      return { items: rows.map((r) => ({ ...r, pending: pending.get(r.id) ?? { nextAttemptAt: null, count: 0 } })), nextCursor };
    },
    get: async (principal: Principal, id: string) => {
      const row = await own(principal, id);
      return { ...row, pending: (await subscriptions.pendingOf([id])).get(id) ?? { nextAttemptAt: null, count: 0 } };
    },

    update: async (
      principal: Principal,
      id: string,
      input: {
        url?: string | undefined;
        description?: string | null | undefined;
        filters?: SubscriptionFilters | undefined;
        status?: 'active' | 'disabled' | undefined;
        v1aSignatures?: boolean | undefined;
      },
      condition?: Precondition,
    ) => {
      await own(principal, id);
      if (input.url) await checkUrl(input.url);
      await checkAffects(principal, input.filters);
      const resumed = input.status === 'active';
      return audited(principal, 'subscription.updated', id, input, async (tx) => {
        // Checked under the row lock, so of two changes based on one ETag exactly one is made.
        if (condition !== undefined) {
          const current = await subscriptions.lock(tx, id);
          const tag = current ? subscriptionTag(toSubscriptionResponse(current)) : '';
          if (!meets(condition, tag)) throw subscriptionChanged(tag);
        }
        return subscriptions.update(tx, id, {
        ...(input.url ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.filters ? { filters: input.filters } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.v1aSignatures !== undefined ? { v1aSignatures: input.v1aSignatures } : {}),
        ...(input.status === 'disabled' ? { disabledReason: 'disabled by its owner', disabledAt: new Date() } : {}),
        // Resumed by its owner: the endpoint is taken to work again, with a closed circuit.
        ...(resumed ? { disabledReason: null, disabledAt: null, failingSince: null, consecutiveFailures: 0, circuitOpenUntil: null, failingAnnouncedAt: null } : {}),
        });
      });
    },

    /** Deleted subscriptions stop receiving at once; their delivery log is kept. */
    remove: async (principal: Principal, id: string) => {
      await own(principal, id);
      await audited(principal, 'subscription.deleted', id, {}, (tx) =>
        subscriptions.update(tx, id, { status: 'deleted', disabledAt: new Date(), disabledReason: 'deleted by its owner' }),
      );
    },

    rotateSecret: async (principal: Principal, id: string) => {
      const current = await own(principal, id);
      const previousSecretExpiresAt = new Date(Date.now() + ROTATION_OVERLAP_MS);
      const updated = await audited(principal, 'subscription.secret_rotated', id, { previousSecretExpiresAt }, (tx) =>
        subscriptions.update(tx, id, { secret: newWebhookSecret(), previousSecret: current.secret, previousSecretExpiresAt }),
      );
      return { secret: updated.secret, previousSecretExpiresAt };
    },

    /** Sends a signed `ping` event now and reports what the endpoint answered. */
    ping: async (principal: Principal, id: string) => {
      const subscription = await own(principal, id);
      const body = pingBody(id, new Date());
      if (subscription.v1aSignatures) await webhookKeys.ready();
      const asymmetric = subscription.v1aSignatures ? webhookKeys.signingKeys() : [];
      const result = await sender.send(subscription.url, signingSecrets(subscription), `ping_${newId()}`, body, asymmetric);
      return { delivered: result.ok, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error };
    },
  };
}

/** The secrets that sign right now: the current one, and the previous one during its overlap. */
export function signingSecrets(s: Pick<SubscriptionRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, now = Date.now()): string[] {
  return s.previousSecret && s.previousSecretExpiresAt && s.previousSecretExpiresAt.getTime() > now ? [s.secret, s.previousSecret] : [s.secret];
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
