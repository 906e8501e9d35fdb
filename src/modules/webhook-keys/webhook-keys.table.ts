import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The registry's Ed25519 webhook signing keys (Standard Webhooks v1a), every one ever
 * used, published at /.well-known/webhook-keys. A key signs from `validFrom`; a rotation
 * sets `retiredAt` (when its successor takes over) and `signsUntil` (the end of the
 * overlap in which it still signs beside its successor). Rows are never deleted and
 * what was published never changes (a trigger in migrations/0014 says so).
 */
export const webhookSigningKeys = pgTable(
  'webhook_signing_keys',
  {
    /** RFC 7638 thumbprint of the public key: anyone can recompute it. */
    kid: text().primaryKey(),
    /** `whpk_` + base64 of the raw 32-byte public key. */
    publicKey: text().notNull(),
    /** The `whsk_` secret key sealed (idempotency.seal.ts, its own label); null once erased. */
    sealedPrivateKey: text(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    retiredAt: timestamp({ withTimezone: true }),
    signsUntil: timestamp({ withTimezone: true }),
    reason: text().notNull(),
    /** The operator organisation that rotated, or `registry` for a key made at start-up. */
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_signing_keys_one_unretired').on(sql`(true)`).where(sql`${t.retiredAt} IS NULL`),
    check('webhook_signing_keys_period', sql`${t.retiredAt} IS NULL OR (${t.signsUntil} IS NOT NULL AND ${t.signsUntil} >= ${t.retiredAt} AND ${t.retiredAt} >= ${t.validFrom})`),
  ],
);

export type WebhookSigningKeyRow = typeof webhookSigningKeys.$inferSelect;
