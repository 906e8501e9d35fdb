import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { WebhookKeyring, WebhookKeyStore } from './webhook-keys.keyring.ts';
import { keysUnavailable } from './webhook-keys.errors.ts';
import { publishedKey } from './webhook-keys.rules.ts';

/** The operator's rotation; the published document comes from the keyring (no database round trip). */
export function createWebhookKeyService(deps: {
  db: Db;
  store: WebhookKeyStore;
  keyring: WebhookKeyring;
  audit: Pick<AuditService, 'record'>;
  /** How long a new key is published before it signs (WEBHOOK_KEY_LEAD_TIME). */
  leadMs: number;
  clock?: () => number;
}) {
  const { db, store, keyring, audit, leadMs, clock = Date.now } = deps;
  return {
    published: async () => {
      try {
        await keyring.ready();
      } catch {
        throw keysUnavailable();
      }
      return keyring.published();
    },

    /**
     * A new key, published now and signing from `leadMs` on; the current one is retired
     * then and keeps signing beside it for `overlapHours`. Both stay published for good.
     */
    rotate: async (principal: Principal, input: { reason: string; overlapHours: number }) => {
      const { key, previous } = await db.transaction(async (tx) => {
        const rotated = await store.rotateIn(tx, { leadMs, overlapMs: input.overlapHours * 3_600_000, reason: input.reason, createdBy: principal.org.id });
        await audit.record(tx, principal, {
          action: 'webhook_key.rotated',
          targetType: 'webhook_key',
          targetId: rotated.key.kid,
          change: { reason: input.reason, overlapHours: input.overlapHours, validFrom: rotated.key.validFrom, previous: rotated.previous?.kid ?? null },
        });
        return rotated;
      });
      // This process publishes the new key at once; the others within WEBHOOK_KEY_REFRESH.
      await keyring.refresh();
      const now = clock();
      return { key: publishedKey(key, now), previous: previous ? publishedKey(previous, now) : null };
    },
  };
}

export type WebhookKeyService = ReturnType<typeof createWebhookKeyService>;
