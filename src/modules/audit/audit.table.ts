import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';

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

/**
 * Signed chain heads: {length, headHash, signedAt} signed with the registry's Ed25519 key.
 * Kept (and still signed on request) so heads signed before the Merkle log stay verifiable.
 */
export const auditHeads = pgTable('audit_heads', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  length: bigint({ mode: 'number' }).notNull(),
  headHash: text().notNull(),
  signedAt: text().notNull(),
  signature: text().notNull(),
  publicKey: text().notNull(),
});

/**
 * The Merkle tree's cached perfect subtrees of two or more leaves (audit.merkle.ts):
 * (level, idx) covers leaves [idx·2^level, (idx+1)·2^level); hash is hex.
 */
export const auditTreeNodes = pgTable('audit_tree_nodes', { level: integer().notNull(), idx: bigint({ mode: 'number' }).notNull(), hash: text().notNull() }, (t) => [
  primaryKey({ columns: [t.level, t.idx] }),
]);

/** Signed checkpoints (C2SP tlog-checkpoint), one per tree size; root hash in hex, note as served. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  size: bigint({ mode: 'number' }).primaryKey(),
  rootHash: text().notNull(),
  note: text().notNull(),
  signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Witness keys (raw Ed25519, base64) of auditor organisations. */
export const auditWitnesses = pgTable(
  'audit_witnesses',
  {
    name: text().primaryKey(),
    orgId: text()
      .notNull()
      .references(() => organisations.id),
    publicKey: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_witnesses_public_key_unique').on(t.publicKey)],
);

/** Witness cosignatures (C2SP tlog-cosignature), one per witness and checkpoint. */
export const auditCosignatures = pgTable(
  'audit_cosignatures',
  {
    size: bigint({ mode: 'number' })
      .notNull()
      .references(() => auditCheckpoints.size),
    witnessName: text()
      .notNull()
      .references(() => auditWitnesses.name),
    timestamp: bigint({ mode: 'number' }).notNull(),
    line: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.size, t.witnessName] })],
);

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
