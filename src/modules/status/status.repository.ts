import { and, desc, eq, getTableColumns, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { prepareRows } from '../../db/prepared.ts';
import type { Principal } from '../../plugins/auth.ts';
import { type TokenOrganisation, tokenOrganisationExtras } from '../organisations/organisations.repository.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { notAnnouncedExpired, periodHasBegun, signals } from '../signals/signals.table.ts';
import { visibleToOrganisation } from '../signals/signals.visibility.ts';
import { supplierUnits, suppliers } from '../suppliers/suppliers.table.ts';
import type { LinkKind } from '../links/links.table.ts';
import { replyInForce } from '../replies/replies.repository.ts';
import type { ReplyView } from '../replies/replies.schemas.ts';
import { blockingSignalTypes, type LinkRelation } from './status.rules.ts';

const dbNow = sql<string>`now()`.mapWith((v: string | Date) => new Date(v));

/** The same selection under keys with a prefix (a flat selection of several tables' columns of the same names). */
const prefixed = <T extends Record<string, unknown>>(prefix: string, selection: T) =>
  Object.fromEntries(Object.entries(selection).map(([key, value]) => [`${prefix}${key}`, value])) as Record<string, T[keyof T]>;

/** The supplier's columns of a single read's row. */
interface SupplierRow {
  orgNumber: string | null;
  soleTrader: boolean;
  hasLinks: boolean;
  asOf: Date;
  id: string | null;
}

/**
 * The time rules of a signal that can decide a status at the moment `at`: in effect then
 * (its period begun — a scheduled signal does not count yet — and not ended) and, for a
 * deviation, high or critical and begun within the 12 months before. One definition for
 * the live read (`at` = the database's now) and the answer as of a past moment
 * (status.as-of.repository.ts, on the version in force then).
 */
export const decidesAt = (
  t: { type: AnyPgColumn; severity: AnyPgColumn; effectiveFrom: AnyPgColumn; effectiveUntil: AnyPgColumn },
  at: SQL,
) =>
  and(
    periodHasBegun(t, at),
    sql`(${t.effectiveUntil} IS NULL OR ${t.effectiveUntil} > ${at})`,
    sql`(${t.type} <> 'deviation' OR (${t.severity} IN ('high', 'critical') AND ${t.effectiveFrom} > ${at} - interval '12 months'))`,
  );

/**
 * The signals that can decide a supplier's status right now, by the database
 * clock: active and deciding now (decidesAt). `status = 'active'` is a literal, not
 * a parameter, so that the partial indexes on live signals serve every plan, generic
 * ones included: with a parameter PostgreSQL could not reuse a generic plan and
 * planned every read anew, which cost three times the read itself
 * (test/status-plans.test.ts asks the server which plans it used).
 */
export const live = and(
  sql`${signals.status} = 'active'`,
  // Implied by the period check once the end is announced; stated so that the
  // partial indexes (signals.table.ts) serve the query.
  notAnnouncedExpired(signals),
  decidesAt(signals, sql`now()`),
);

// The caller's organisation is a parameter of the prepared statements.
const visibleToCaller = visibleToOrganisation(sql.placeholder('org'));

const signalColumns = {
  id: signals.id,
  version: signals.version,
  type: signals.type,
  supplierOrgNumber: signals.supplierOrgNumber,
  unitId: signals.unitId,
  agreementId: signals.agreementId,
  issuerOrgId: signals.issuerOrgId,
  issuerKind: organisations.kind,
  severity: signals.severity,
  visibility: signals.visibility,
  summary: signals.summary,
  reference: signals.reference,
  decisionDate: signals.decisionDate,
  effectiveFrom: signals.effectiveFrom,
  effectiveUntil: signals.effectiveUntil,
  reply: replyInForce(signals.id),
};

/*
 * The other half of the answer (README, "Linked suppliers"): the live, supplier-wide
 * signals that can block, of the suppliers linked to those asked about by an active
 * link, with how they are linked. Which links count, one hop each:
 * group — the asked supplier's parent, its subsidiaries, and its sister companies (the
 * parent's other subsidiaries, through two links); succession — its predecessors (a
 * successor inherits its predecessor's blocks, not the reverse). Whether a signal does
 * block the caller is decided by the rule (status.rules.ts), as for the asked supplier's own.
 *
 * `linkNeighbours` is the relation `n` (asked, linked, relation, kind, link_ids) of the
 * asked suppliers that `askedIs` admits; `linkedSignalOn` joins it to the linked supplier's
 * signals that count. The status reads ask for given numbers; the list of flagged
 * suppliers (status.flagged.repository.ts) for every number after its cursor.
 */
export const linkNeighbours = (askedIs: (column: SQL) => SQL, inForce: (link: 'l' | 's') => SQL = activeLink) => {
  const [fromNumber, toNumber] = [sql.raw('l.from_org_number'), sql.raw('l.to_org_number')];
  return sql`(
      SELECT l.from_org_number AS asked, l.to_org_number AS linked, 'subsidiary' AS relation, l.kind, ARRAY[l.id] AS link_ids
        FROM supplier_links l WHERE ${inForce('l')} AND l.kind = 'group' AND ${askedIs(fromNumber)}
      UNION ALL
      SELECT l.to_org_number, l.from_org_number, 'parent', l.kind, ARRAY[l.id]
        FROM supplier_links l WHERE ${inForce('l')} AND l.kind = 'group' AND ${askedIs(toNumber)}
      UNION ALL
      SELECT l.to_org_number, s.to_org_number, 'sister', l.kind, ARRAY[l.id, s.id]
        FROM supplier_links l
        JOIN supplier_links s ON s.from_org_number = l.from_org_number AND s.kind = 'group' AND ${inForce('s')} AND s.to_org_number <> l.to_org_number
        WHERE ${inForce('l')} AND l.kind = 'group' AND ${askedIs(toNumber)}
      UNION ALL
      SELECT l.to_org_number, l.from_org_number, 'predecessor', l.kind, ARRAY[l.id]
        FROM supplier_links l WHERE ${inForce('l')} AND l.kind = 'succession' AND ${askedIs(toNumber)}
    ) AS n`;
};

/** What a row of `linkNeighbours` says of the link, beside the linked supplier's signal. */
export const linkColumns = () => ({
  askedOrgNumber: sql<string>`n.asked`,
  linkedOrgNumber: sql<string>`n.linked`,
  linkRelation: sql<LinkRelation>`n.relation`,
  linkKind: sql<LinkKind>`n.kind`,
  linkIds: sql<string[]>`n.link_ids::text[]`,
  // Looked up only for the rows found (a join made generic plans scan every supplier); fixed when the supplier is registered.
  linkedSoleTrader: sql<boolean>`(SELECT ${suppliers.soleTrader} FROM ${suppliers} WHERE ${suppliers.orgNumber} = n.linked)`,
});

/** A link in force now: not ended (the partial indexes on active links serve it). */
function activeLink(link: 'l' | 's'): SQL {
  return sql.raw(`${link}.ended_at IS NULL`);
}

/**
 * A link in force at the moment `at`: drawn by then and not ended by then (a link is never
 * deleted and ended at most once, so this is the link as it stood; links.table.ts).
 */
export const linkInForceAt =
  (at: SQL) =>
  (link: 'l' | 's'): SQL =>
    sql`(${sql.raw(link)}.created_at <= ${at} AND (${sql.raw(link)}.ended_at IS NULL OR ${sql.raw(link)}.ended_at > ${at}))`;

/** The types a linked supplier's supplier-wide signal must have to count through a link (those that can block). */
export const canBlockThroughLink = (type: AnyPgColumn) => sql`${type} IN (${sql.raw(blockingTypeList)})`;

const blockingTypeList = [...blockingSignalTypes].map((type) => `'${type}'`).join(', ');
export const linkedSignalOn = (visibility: SQL | undefined) =>
  and(
    sql`${signals.supplierOrgNumber} = n.linked`,
    // Literals, so that every plan, generic ones included, may use the partial index on
    // live non-deviations (signals_live_other_idx) instead of the supplier's whole history.
    sql`${signals.status} = 'active'`,
    canBlockThroughLink(signals.type),
    live,
    visibility,
    isNull(signals.unitId),
  );

/**
 * The hot read path. Each query is a named prepared statement, built once: the
 * server parses and plans it once per connection instead of on every read (the
 * planning cost more than the query), and drizzle does not rebuild the SQL text per
 * request; its rows are mapped by a mapper made once (prepareRows, src/db/prepared.ts). Auditors see every signal, so they have their own statements without
 * the visibility predicate. Nothing is cached (design.md invariant 2): every call
 * reads the signals table.
 */
export function createStatusRepository(db: Db) {
  // Whether the supplier has an active link at all (either end): only then is the linked
  // suppliers' half of the answer read (linkedStatement). Two probes of the partial indexes
  // on active links; most suppliers have none, and their read is one round trip.
  const hasLinks = sql<boolean>`(EXISTS (SELECT 1 FROM supplier_links l WHERE l.ended_at IS NULL AND l.from_org_number = ${suppliers.orgNumber})
      OR EXISTS (SELECT 1 FROM supplier_links l WHERE l.ended_at IS NULL AND l.to_org_number = ${suppliers.orgNumber}))`;

  // Left-joined to a single row, so that the database's now — the moment the signals were
  // taken at — comes back with them, even when none is live: it is the batch's `asOf`.
  const batchStatement = (visibility: SQL | undefined, name: string) =>
    prepareRows(db, name, { asOf: dbNow, ...signalColumns }, (selection) =>
      db
        .select(selection)
        .from(sql`(SELECT 1) AS one`)
        .leftJoin(signals, and(sql`${signals.supplierOrgNumber} = ANY(${sql.placeholder('orgNumbers')}::text[])`, live, visibility))
        .leftJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .orderBy(desc(signals.effectiveFrom), desc(signals.id)),
    );

  // The linked suppliers' signals that can block (linkNeighbours), for the numbers asked about.
  const linkedStatement = (visibility: SQL | undefined, name: string) => {
    const asked = sql`ANY(${sql.placeholder('orgNumbers')}::text[])`;
    return prepareRows(db, name, { ...linkColumns(), ...signalColumns }, (selection) =>
      db
        .select(selection)
        .from(linkNeighbours((column) => sql`${column} = ${asked}`))
        .innerJoin(signals, linkedSignalOn(visibility))
        .innerJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .orderBy(desc(signals.effectiveFrom), desc(signals.id)),
    );
  };
  const forLinked = { members: linkedStatement(visibleToCaller, 'status_linked'), all: linkedStatement(undefined, 'status_linked_auditor') };

  // The single read, with the caller's organisation in the same statement (auth.ts,
  // organisationInRoute): the token's organisation row, whether its client is revoked, the
  // supplier, whether it has an active link, the database's now, and its live signals the
  // caller may read, newest first, in one round trip. No row when the organisation is
  // unknown; the supplier's columns NULL when it is not registered. The caller's kind is read
  // here, so the auditor's wider view is a condition on it rather than a statement of its own.
  const caller = alias(organisations, 'caller');
  const withCaller = prepareRows(
    db,
    'status_supplier_with_caller',
    {
      ...prefixed('caller.', getTableColumns(caller)),
      ...prefixed('caller.', tokenOrganisationExtras({ id: sql`${caller.id}`, kind: sql`${caller.kind}` })),
      orgNumber: suppliers.orgNumber,
      soleTrader: suppliers.soleTrader,
      hasLinks,
      asOf: dbNow,
      ...signalColumns,
    },
    (selection) =>
      db
        .select(selection)
        .from(caller)
        .leftJoin(suppliers, eq(suppliers.orgNumber, sql.placeholder('orgNumber')))
        .leftJoin(signals, and(eq(signals.supplierOrgNumber, suppliers.orgNumber), live, or(sql`${caller.kind} = 'auditor'`, visibleToCaller)))
        .leftJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .where(eq(caller.id, sql.placeholder('org')))
        .orderBy(desc(signals.effectiveFrom), desc(signals.id)),
  );
  const callerKeys = [...Object.keys(getTableColumns(caller)), 'clientRevoked', 'represents'];
  const forBatch = { members: batchStatement(visibleToCaller, 'status_batch'), all: batchStatement(undefined, 'status_batch_auditor') };
  // Left-joined to a single row, so that the database's now comes back even when none is registered.
  const registered = prepareRows(db, 'status_registered', { orgNumber: suppliers.orgNumber, soleTrader: suppliers.soleTrader, asOf: dbNow }, (selection) =>
    db
      .select(selection)
      .from(sql`(SELECT 1) AS one`)
      .leftJoin(suppliers, sql`${suppliers.orgNumber} = ANY(${sql.placeholder('orgNumbers')}::text[])`),
  );

  // The supplier of each unit asked about, so that a unit of another supplier is refused.
  const unitOwners = prepareRows(db, 'status_unit_owners', { id: supplierUnits.id, supplierOrgNumber: supplierUnits.supplierOrgNumber }, (selection) =>
    db
      .select(selection)
      .from(supplierUnits)
      .where(sql`${supplierUnits.id} = ANY(${sql.placeholder('unitIds')}::uuid[])`),
  );

  const sees = (principal: Principal) => (principal.org.kind === 'auditor' ? 'all' : 'members');

  return {
    /**
     * One round trip for the caller named by a verified token: `caller` as the token's
     * organisation read returns it (undefined when unknown), for the route to admit before it
     * uses `found` — the supplier (undefined when it is not registered), whether it has an
     * active link (then linkedSignals holds the rest of the answer), the database's now, and
     * the signals that decide its status for the caller (by its kind as read here), newest first.
     */
    supplierWithLiveSignalsFor: async (token: { orgId: string; sub: string }, orgNumber: string) => {
      const rows = (await withCaller.execute({ org: token.orgId, sub: token.sub, orgNumber })) as unknown as Array<Record<string, unknown> & SupplierRow>;
      const first = rows[0];
      if (!first) return { caller: undefined, found: undefined };
      const caller = Object.fromEntries(callerKeys.map((key) => [key, first[`caller.${key}`]])) as unknown as TokenOrganisation;
      if (first.orgNumber === null) return { caller, found: undefined };
      const live = rows.filter((r) => r.id !== null) as unknown as LiveSignal[];
      return { caller, found: { orgNumber: first.orgNumber, soleTrader: first.soleTrader, hasLinks: first.hasLinks, asOf: first.asOf, live } };
    },

    /** The registered suppliers among `orgNumbers`, and the database's now. */
    registered: async (orgNumbers: string[]) => {
      const rows = await registered.execute({ orgNumbers });
      return {
        asOf: rows[0]!.asOf,
        suppliers: rows.flatMap((r) => (r.orgNumber === null ? [] : [{ orgNumber: r.orgNumber, soleTrader: r.soleTrader === true }])),
      };
    },

    /** Which supplier each of these units belongs to (ids in UUID form only); unknown ones are left out. */
    unitOwners: async (unitIds: string[]): Promise<Map<string, string>> =>
      unitIds.length === 0 ? new Map() : new Map((await unitOwners.execute({ unitIds })).map((u) => [u.id, u.supplierOrgNumber])),

    /**
     * The live signals that can block, of the suppliers linked to each asked one (see
     * linkedStatement), newest first; the caller's visibility applies as to its own.
     */
    linkedSignals: async (principal: Principal, orgNumbers: string[]): Promise<LinkedSignal[]> =>
      orgNumbers.length === 0 ? [] : forLinked[sees(principal)].execute({ orgNumbers, org: principal.org.id }),

    /** The live signals of many suppliers at once, newest first, and the database's now they were taken at. */
    liveSignals: async (principal: Principal, orgNumbers: string[]): Promise<{ asOf: Date; live: LiveSignal[] }> => {
      const rows = await forBatch[sees(principal)].execute({ orgNumbers, org: principal.org.id });
      return { asOf: rows[0]!.asOf, live: rows.filter((r) => r.id !== null) as LiveSignal[] };
    },
  };
}

export type StatusRepository = ReturnType<typeof createStatusRepository>;

export interface LiveSignal {
  id: string;
  type: (typeof signals.$inferSelect)['type'];
  supplierOrgNumber: string;
  unitId: string | null;
  agreementId: string | null;
  issuerOrgId: string;
  issuerKind: (typeof organisations.$inferSelect)['kind'];
  severity: (typeof signals.$inferSelect)['severity'];
  visibility: (typeof signals.$inferSelect)['visibility'];
  summary: string;
  // Optional so that a rule test may build a LiveSignal without them; the repository always reads both.
  reference?: string | null;
  decisionDate?: string | null;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  /** The signal's version that decides: the current one live, the one in force then as of a past moment. */
  version: number;
  /** The supplier's reply in force (then, as of a past moment); optional so that a rule test may leave it out. */
  reply?: ReplyView | null;
}

/** A live signal of a linked supplier, with the link it reaches the asked supplier through. */
export interface LinkedSignal extends LiveSignal {
  askedOrgNumber: string;
  linkedOrgNumber: string;
  linkRelation: LinkRelation;
  linkKind: LinkKind;
  linkIds: string[];
  /** The linked supplier is a sole trader: its number, shown in the reason, is a personnummer. */
  linkedSoleTrader: boolean;
}
