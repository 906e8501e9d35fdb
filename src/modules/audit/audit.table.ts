import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit chain: one entry per write, hash-chained (see audit.chain.ts). The
 * database refuses UPDATE, DELETE and TRUNCATE here (migration 0004); entries are
 * never pruned.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    position: bigint({ mode: 'number' }).primaryKey(),
    recordedAt: text().notNull(),
    actorSub: text().notNull(),
    orgId: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    requestId: text().notNull(),
    digest: text().notNull(),
    prevHash: text().notNull().unique(),
    hash: text().notNull(),
  },
  (t) => [index('audit_log_org_idx').on(t.orgId, t.position), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

/** Signed chain heads: {length, headHash, signedAt} signed with the registry's Ed25519 key. */
export const auditHeads = pgTable('audit_heads', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  length: bigint({ mode: 'number' }).notNull(),
  headHash: text().notNull(),
  signedAt: text().notNull(),
  signature: text().notNull(),
  publicKey: text().notNull(),
});

/**
 * Reads of restricted data (issuer-only signals, sole traders, the audit log
 * itself). Kept apart from the chain because it has a retention period.
 */
export const readLog = pgTable(
  'read_log',
  {
    id: uuid().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorSub: text().notNull(),
    orgId: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetIds: jsonb().$type<string[]>().notNull(),
    requestId: text().notNull(),
  },
  (t) => [index('read_log_at_idx').on(t.at), index('read_log_org_idx').on(t.orgId, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditHeadRow = typeof auditHeads.$inferSelect;
