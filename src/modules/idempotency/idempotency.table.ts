import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key records (IETF httpapi draft): one per organisation and key,
 * holding the request's fingerprint and, once done, the response to replay.
 * Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: text().notNull(),
    key: text().notNull(),
    fingerprint: text().notNull(),
    state: text({ enum: ['running', 'done'] }).notNull(),
    statusCode: integer(),
    contentType: text(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
