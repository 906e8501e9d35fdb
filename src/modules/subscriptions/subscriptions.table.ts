import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';

export const subscriptionStatuses = ['active', 'disabled', 'deleted'] as const;
export const subscriptionStatus = pgEnum('subscription_status', subscriptionStatuses);

export interface SubscriptionFilters {
  types?: string[];
  suppliers?: string[];
  agreements?: string[];
  municipalityCodes?: string[];
  minSeverity?: 'low' | 'medium' | 'high' | 'critical';
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
    status: subscriptionStatus().notNull().default('active'),
    disabledReason: text(),
    disabledAt: timestamp({ withTimezone: true }),
    // Start of the current run of failed attempts; cleared by a success.
    failingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscriptions_org_idx').on(t.orgId)],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
