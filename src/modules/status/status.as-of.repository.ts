import { replyInForce } from '../replies/replies.repository.ts';
import { and, desc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepareRows } from '../../db/prepared.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { signalVersions, signals } from '../signals/signals.table.ts';
import { visibleToOrganisation } from '../signals/signals.visibility.ts';
import { supplierUnits, suppliers } from '../suppliers/suppliers.table.ts';
import { canBlockThroughLink, decidesAt, linkColumns, type LinkedSignal, linkInForceAt, linkNeighbours, type LiveSignal } from './status.repository.ts';

const dbNow = sql<string>`now()`.mapWith((v: string | Date) => new Date(v));
// The moment asked about; every statement takes it as a parameter.
const at = sql`${sql.placeholder('asOf')}::timestamptz`;

/*
 * The version of each signal in force at `asOf`: its latest version recorded at or before
 * that moment (versions are recorded with their transaction's database time, the clock the
 * live read uses). A signal with no version then did not exist yet. A lateral subquery,
 * so each signal costs one backward step on signal_versions' primary key (signalId,
 * version): a signal's versions are recorded in order, so the first one not after `asOf`
 * is the one.
 */
const inForce = (db: Db) =>
  db
    .select({
      status: signalVersions.status,
      visibility: signalVersions.visibility,
      recipientOrgId: signalVersions.recipientOrgId,
      severity: signalVersions.severity,
      summary: signalVersions.summary,
      reference: signalVersions.reference,
      decisionDate: signalVersions.decisionDate,
      unitId: signalVersions.unitId,
      agreementId: signalVersions.agreementId,
      effectiveFrom: signalVersions.effectiveFrom,
      effectiveUntil: signalVersions.effectiveUntil,
      version: signalVersions.version,
    })
    .from(signalVersions)
    .where(and(eq(signalVersions.signalId, signals.id), lte(signalVersions.createdAt, at)))
    .orderBy(desc(signalVersions.version))
    .limit(1)
    .as('v');

/**
 * The status as of a past moment, from the recorded history only: signal_versions (what
 * each signal said, and when that was recorded), the signals' fixed facts (type,
 * supplier, issuer — the database refuses to change them, migrations/0009), and when
 * suppliers and units were registered. Never the current row's changeable columns.
 * Prepared once, like the live read; the organisation whose view is rebuilt is a
 * parameter, and auditors' view has its own statement without the visibility rule.
 */
export function createStatusAsOfRepository(db: Db) {
  const v = inForce(db);
  const columns = {
    id: signals.id,
    type: signals.type,
    supplierOrgNumber: signals.supplierOrgNumber,
    unitId: v.unitId,
    agreementId: v.agreementId,
    issuerOrgId: signals.issuerOrgId,
    issuerKind: organisations.kind,
    severity: v.severity,
    visibility: v.visibility,
    summary: v.summary,
    reference: v.reference,
    decisionDate: v.decisionDate,
    effectiveFrom: v.effectiveFrom,
    effectiveUntil: v.effectiveUntil,
    version: v.version,
    reply: replyInForce(signals.id, at),
  };
  // The same rules as the live read (status.repository.ts), on the version in force then.
  const deciding = and(eq(v.status, 'active'), decidesAt({ type: signals.type, severity: v.severity, effectiveFrom: v.effectiveFrom, effectiveUntil: v.effectiveUntil }, at));
  const visibleThen = visibleToOrganisation(sql.placeholder('org'), { issuerOrgId: signals.issuerOrgId, visibility: v.visibility, status: v.status, recipientOrgId: v.recipientOrgId });

  const signalsStatement = (visibility: SQL | undefined, name: string) =>
    prepareRows(db, name, columns, (selection) =>
      db
        .select(selection)
        .from(signals)
        .innerJoinLateral(v, sql`true`)
        .innerJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .where(and(sql`${signals.supplierOrgNumber} = ANY(${sql.placeholder('orgNumbers')}::text[])`, deciding, visibility))
        .orderBy(desc(v.effectiveFrom), desc(signals.id)),
    );
  const forSignals = { members: signalsStatement(visibleThen, 'status_as_of'), all: signalsStatement(undefined, 'status_as_of_auditor') };

  // The linked suppliers' half of the answer, as the live read has it (status.repository.ts,
  // linkedStatement), at `asOf`: the links in force then, and each linked supplier's
  // supplier-wide signals that could block, by the version in force then.
  const linkedStatement = (visibility: SQL | undefined, name: string) =>
    prepareRows(db, name, { ...linkColumns(), ...columns }, (selection) =>
      db
        .select(selection)
        .from(linkNeighbours((column) => sql`${column} = ANY(${sql.placeholder('orgNumbers')}::text[])`, linkInForceAt(at)))
        .innerJoin(signals, and(sql`${signals.supplierOrgNumber} = n.linked`, canBlockThroughLink(signals.type)))
        .innerJoinLateral(v, sql`true`)
        .innerJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .where(and(deciding, visibility, isNull(v.unitId)))
        .orderBy(desc(v.effectiveFrom), desc(signals.id)),
    );
  const forLinked = { members: linkedStatement(visibleThen, 'status_as_of_linked'), all: linkedStatement(undefined, 'status_as_of_linked_auditor') };

  // Left-joined to a single row, so that the database's now comes back even when none was registered then.
  const registered = prepareRows(db, 'status_as_of_registered', { orgNumber: suppliers.orgNumber, soleTrader: suppliers.soleTrader, now: dbNow }, (selection) =>
    db
      .select(selection)
      .from(sql`(SELECT 1) AS one`)
      .leftJoin(suppliers, and(sql`${suppliers.orgNumber} = ANY(${sql.placeholder('orgNumbers')}::text[])`, lte(suppliers.createdAt, at))),
  );

  const unitOwners = prepareRows(db, 'status_as_of_unit_owners', { id: supplierUnits.id, supplierOrgNumber: supplierUnits.supplierOrgNumber }, (selection) =>
    db
      .select(selection)
      .from(supplierUnits)
      .where(and(sql`${supplierUnits.id} = ANY(${sql.placeholder('unitIds')}::uuid[])`, lte(supplierUnits.createdAt, at))),
  );

  return {
    /**
     * The suppliers among `orgNumbers` registered at `asOf` (a supplier registered later
     * was not found then), and the database's now, so the caller can refuse a future moment.
     */
    registeredAt: async (orgNumbers: string[], asOf: Date) => {
      const rows = await registered.execute({ orgNumbers, asOf: asOf.toISOString() });
      return {
        now: rows[0]!.now,
        suppliers: rows.flatMap((r) => (r.orgNumber === null ? [] : [{ orgNumber: r.orgNumber, soleTrader: r.soleTrader === true }])),
      };
    },

    /** Which supplier each of these units belonged to at `asOf`; units registered later are left out. */
    unitOwnersAt: async (unitIds: string[], asOf: Date): Promise<Map<string, string>> =>
      unitIds.length === 0
        ? new Map()
        : new Map((await unitOwners.execute({ unitIds, asOf: asOf.toISOString() })).map((u) => [u.id, u.supplierOrgNumber])),

    /**
     * The signals that decided these suppliers' status at `asOf` for `viewer` (what it
     * could read then; auditors read everything), newest first — in the shape of the live read.
     */
    signalsAt: (viewer: { id: string; kind: string }, orgNumbers: string[], asOf: Date): Promise<LiveSignal[]> =>
      orgNumbers.length === 0
        ? Promise.resolve([])
        : (forSignals[viewer.kind === 'auditor' ? 'all' : 'members'].execute({ orgNumbers, org: viewer.id, asOf: asOf.toISOString() }) as Promise<LiveSignal[]>),

    /** The linked suppliers' signals that could block these suppliers' answer at `asOf` (see linkedStatement), newest first. */
    linkedAt: (viewer: { id: string; kind: string }, orgNumbers: string[], asOf: Date): Promise<LinkedSignal[]> =>
      orgNumbers.length === 0
        ? Promise.resolve([])
        : (forLinked[viewer.kind === 'auditor' ? 'all' : 'members'].execute({ orgNumbers, org: viewer.id, asOf: asOf.toISOString() }) as Promise<LinkedSignal[]>),
  };
}

export type StatusAsOfRepository = ReturnType<typeof createStatusAsOfRepository>;
