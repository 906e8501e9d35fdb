import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';

export const subscriptionStatuses = ['active', 'disabled', 'deleted'] as const;
export const subscriptionStatus = pgEnum('subscription_status', subscriptionStatuses);

export interface SubscriptionFilters {
  types?: string[];
  suppliers?: string[];
  agreements?: string[];
  municipalityCodes?: string[];
  minSeverity?: 'low' | 'medium' | 'high' | 'critical';
  /**
   * Only signals that block one of these organisations (status.rules.ts); without
   * `organisations`, the owner's default set, resolved when each event is matched.
   */
  affects?: { organisations?: string[] };
}

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid().primaryKey(),
    orgId: text()
      .notNull()
      .references(() => organisations.id),
    url: text().notNull(),
    description: text(),
    filters: jsonb().$type<SubscriptionFilters>().notNull().default({}),
    // Standard Webhooks secrets (whsec_…); the previous one keeps signing for 24 h after a rotation.
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    // Also sign with the registry's Ed25519 key (Standard Webhooks v1a), beside v1: opt-in.
    v1aSignatures: boolean().notNull().default(false),
    status: subscriptionStatus().notNull().default('active'),
    disabledReason: text(),
    disabledAt: timestamp({ withTimezone: true }),
    // Start of the current run of failed attempts; cleared by a success.
    failingSince: timestamp({ withTimezone: true }),
    // The endpoint's health, shared by every worker: the circuit breaker reads it before each attempt.
    consecutiveFailures: integer().notNull().default(0),
    lastSuccessAt: timestamp({ withTimezone: true }),
    lastFailureAt: timestamp({ withTimezone: true }),
    lastError: text(),
    // While set and in the future, no attempt goes to this endpoint; its deliveries wait until then.
    circuitOpenUntil: timestamp({ withTimezone: true }),
    // When the organisation was told that this subscription is failing (cleared by a success).
    failingAnnouncedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscriptions_org_idx').on(t.orgId)],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
