import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { supplierUnits, suppliers } from '../suppliers/suppliers.table.ts';

export const signalTypes = [
  'deviation', // avvikelse
  'call_off_stop', // avropsstopp / avropspaus
  'termination', // uppsägning / hävning
  'ivo_injunction', // föreläggande från IVO
  'permit_revoked', // återkallat tillstånd
  'financial_warning',
] as const;
export const signalStatuses = ['active', 'lifted', 'retracted'] as const;
export const signalVisibilities = ['members', 'issuer_and_auditors'] as const;
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const deviationCategories = [
  'staffing',
  'premises',
  'care_plan',
  'reporting',
  'whistleblower_freedom', // meddelarfrihet
  'substances',
  'safety',
  'finances',
  'other',
] as const;
export const signalChangeKinds = ['created', 'amended', 'lifted', 'retracted'] as const;
/** Why a call-off stop or a termination was made. */
export const signalGrounds = ['quality', 'staffing', 'finances', 'under_investigation', 'breach_of_contract', 'other'] as const;
/** notice: uppsägning (the agreement ends after its notice period); rescission: hävning (ended at once for breach). */
export const terminationKinds = ['notice', 'rescission'] as const;

export const signalType = pgEnum('signal_type', signalTypes);
export const signalStatus = pgEnum('signal_status', signalStatuses);
export const signalVisibility = pgEnum('signal_visibility', signalVisibilities);
export const severity = pgEnum('severity', severities);
export const deviationCategory = pgEnum('deviation_category', deviationCategories);
export const signalChangeKind = pgEnum('signal_change_kind', signalChangeKinds);
export const signalGround = pgEnum('signal_ground', signalGrounds);
export const terminationKind = pgEnum('termination_kind', terminationKinds);

/**
 * The current version of each signal. Every change also appends a full row to
 * signal_versions in the same transaction; rows here are never deleted. For the
 * application's role the database holds the two together (migrations/0009): a row
 * that differs from its latest version, or a new version without its event and audit
 * entry, fails the transaction.
 */
/** Not yet announced as expired in this version (see `expiredVersion`); in index predicates and the queries they serve. */
export const notAnnouncedExpired = (t: { expiredVersion: AnyPgColumn; version: AnyPgColumn }) =>
  sql`(${t.expiredVersion} IS NULL OR ${t.expiredVersion} <> ${t.version})`;

/**
 * Whether a signal's period has begun, by the database clock (or at `at`, for the
 * status as of a past moment). The one rule for `scheduled`: reads and lists show a
 * signal whose period has not begun as scheduled, the status read leaves it out, and
 * the sweep announces `signal.took_effect` once it has.
 */
export const periodHasBegun = (t: { effectiveFrom: AnyPgColumn }, at: SQL = sql`now()`) => sql`${t.effectiveFrom} <= ${at}`;

/** The CHECK that an effective period ends after it begins (a past effectiveUntil with the database's now() as effectiveFrom fails it). */
export const SIGNALS_PERIOD_CHECK = 'signals_period';

/**
 * What a signal says, as the signal holds it now and as each of its versions held it then
 * (signal_versions copies it on every change). A function: each table needs its own columns.
 */
const contentColumns = () => ({
  severity: severity(),
  category: deviationCategory(),
  summary: text().notNull(),
  details: text(),
  reference: text(),
  /** The date of the IVO decision (beslutsdatum) for ivo_injunction and permit_revoked; null on other types and on rows from before it was recorded. */
  decisionDate: date(),
  /** Why a call-off stop or termination was made; null on other types and on rows from before it was recorded. */
  ground: signalGround(),
  /** For a termination: uppsägning (notice) or hävning (rescission). */
  terminationKind: terminationKind(),
});

export const signals = pgTable(
  'signals',
  {
    id: uuid().primaryKey(),
    type: signalType().notNull(),
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    unitId: uuid().references(() => supplierUnits.id),
    agreementId: uuid().references(() => agreements.id),
    issuerOrgId: text()
      .notNull()
      .references(() => organisations.id),
    status: signalStatus().notNull().default('active'),
    visibility: signalVisibility().notNull().default('members'),
    ...contentColumns(),
    /** A tip: the one organisation a restricted deviation is addressed to (it reads it, as do the issuer and auditors). */
    recipientOrgId: text().references(() => organisations.id),
    /** The signals that led to a stop or termination. */
    relatedSignalIds: uuid().array().notNull().default(sql`'{}'`),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveUntil: timestamp({ withTimezone: true }),
    version: integer().notNull(),
    /**
     * The version whose end (effectiveUntil) the expiry sweep has announced as
     * `signal.expired`. Such a signal can no longer decide a status until an amendment
     * makes a new version, so the status and expiry indexes leave it out.
     */
    expiredVersion: integer(),
    /**
     * Set while this version's period has not begun; the sweep clears it when it announces
     * `signal.took_effect`. Bookkeeping like expiredVersion: reads compute `scheduled` from
     * effectiveFrom (periodHasBegun), never from this.
     */
    startPending: boolean().notNull().default(false),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check(SIGNALS_PERIOD_CHECK, sql`${t.effectiveUntil} IS NULL OR ${t.effectiveUntil} > ${t.effectiveFrom}`),
    check('signals_tip_restricted', sql`${t.recipientOrgId} IS NULL OR ${t.visibility} = 'issuer_and_auditors'`),
    // The tips addressed to an organisation.
    index('signals_recipient_idx').on(t.recipientOrgId, t.id).where(sql`${t.recipientOrgId} IS NOT NULL`),
    // The status read path: the signals of one supplier that can decide its status.
    // Low and medium deviations never do, and a high or critical one only for 12 months,
    // so the status query's OR is served by these two small partial indexes (a BitmapOr)
    // and its cost does not grow with a supplier's history of deviations.
    index('signals_live_other_idx')
      .on(t.supplierOrgNumber)
      .where(sql`${t.status} = 'active' AND ${t.type} <> 'deviation' AND ${notAnnouncedExpired(t)}`),
    index('signals_live_severe_idx')
      .on(t.supplierOrgNumber, t.effectiveFrom)
      .where(sql`${t.status} = 'active' AND ${t.severity} IN ('high', 'critical')`),
    index('signals_supplier_idx').on(t.supplierOrgNumber, t.id),
    index('signals_issuer_idx').on(t.issuerOrgId, t.id),
    index('signals_updated_idx').on(t.updatedAt),
    // The expiry sweep: active signals whose period has ended.
    index('signals_expiry_idx').on(t.effectiveUntil).where(sql`${t.status} = 'active' AND ${t.effectiveUntil} IS NOT NULL AND ${notAnnouncedExpired(t)}`),
    // The start sweep: active signals whose period was ahead when written and is not yet announced as begun.
    index('signals_start_idx').on(t.effectiveFrom).where(sql`${t.status} = 'active' AND ${t.startPending}`),
  ],
);

export const signalVersions = pgTable(
  'signal_versions',
  {
    signalId: uuid()
      .notNull()
      .references(() => signals.id),
    version: integer().notNull(),
    change: signalChangeKind().notNull(),
    reason: text(),
    status: signalStatus().notNull(),
    visibility: signalVisibility().notNull(),
    ...contentColumns(),
    recipientOrgId: text(),
    relatedSignalIds: uuid().array().notNull().default(sql`'{}'`),
    unitId: uuid(),
    agreementId: uuid(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveUntil: timestamp({ withTimezone: true }),
    actorSub: text().notNull(),
    actorOrgId: text()
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.version] })],
);

export type SignalRow = typeof signals.$inferSelect;
export type SignalVersionRow = typeof signalVersions.$inferSelect;
export type SignalType = (typeof signalTypes)[number];
