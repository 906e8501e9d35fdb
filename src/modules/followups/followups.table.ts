import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';
import { signalVisibility, signals } from '../signals/signals.table.ts';
import { supplierUnits, suppliers } from '../suppliers/suppliers.table.ts';

export const followUpKinds = [
  'ivo_register', // IVO:s register över tillstånd och beslut
  'unannounced_visit', // oanmält besök
  'credit_check', // kreditupplysning
  'document_review', // granskning av handlingar (bemanningsschema, genomförandeplaner …)
  'other',
] as const;
export const followUpOutcomes = ['no_remarks', 'deviation'] as const;

export const followUpKind = pgEnum('follow_up_kind', followUpKinds);
export const followUpOutcome = pgEnum('follow_up_outcome', followUpOutcomes);

/**
 * A check an organisation made of a supplier (uppföljning) and what it found. A record is
 * never edited: the application's role may only insert (migrations/0017); a wrong one is
 * retracted by a row in follow_up_retractions and stays for its issuer and auditors. It
 * decides no supplier status: the status read never looks at this table.
 */
export const followUpRecords = pgTable(
  'follow_up_records',
  {
    id: uuid().primaryKey(),
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    unitId: uuid().references(() => supplierUnits.id),
    issuerOrgId: text()
      .notNull()
      .references(() => organisations.id),
    kind: followUpKind().notNull(),
    /** The day the check was made, in Sweden (YYYY-MM-DD); never after the day it is recorded. */
    checkedOn: date().notNull(),
    outcome: followUpOutcome().notNull(),
    /** The deviation (avvikelse) the check led to: the issuer's own, about the same supplier; set exactly when the outcome is `deviation`. */
    deviationSignalId: uuid().references(() => signals.id),
    note: text(),
    visibility: signalVisibility().notNull().default('members'),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('follow_up_records_outcome_chk', sql`(${t.outcome} = 'deviation') = (${t.deviationSignalId} IS NOT NULL)`),
    index('follow_up_records_supplier_idx').on(t.supplierOrgNumber, t.id),
    index('follow_up_records_issuer_idx').on(t.issuerOrgId, t.checkedOn),
  ],
);

/** The retraction of a follow-up record, at most one per record (its primary key), never changed. */
export const followUpRetractions = pgTable('follow_up_retractions', {
  recordId: uuid()
    .primaryKey()
    .references(() => followUpRecords.id),
  reason: text().notNull(),
  retractedBy: text().notNull(),
  retractedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type FollowUpRow = typeof followUpRecords.$inferSelect;
export type FollowUpKind = (typeof followUpKinds)[number];
export type FollowUpOutcome = (typeof followUpOutcomes)[number];
