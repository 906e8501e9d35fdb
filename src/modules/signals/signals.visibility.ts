import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../plugins/auth.ts';
import { events } from '../events/events.table.ts';
import type { OrganisationKind } from '../organisations/organisations.table.ts';
import { signals } from './signals.table.ts';

/**
 * Who may read a signal. The rule is written once, in `readable`, over a few terms; it is
 * read as a boolean over a row in TypeScript (`mayRead`, `canSee`, `visibleVersions`,
 * `mayReadEvent`) and as a SQL predicate over columns (`visibleTo`, `visibleToOrganisation`,
 * `eventsVisibleTo`, `readableByEveryMember`), so the two cannot drift apart.
 *
 * - Auditors read every signal, and the issuer its own.
 * - A tip (a restricted deviation addressed to one organisation) is read by that
 *   recipient too.
 * - A supplier organisation reads the `members` signals about the organisation numbers
 *   it answers for (Principal.represents), and nothing else.
 * - Every other organisation reads `members` signals.
 *
 * A retracted signal's content is for its issuer and auditors only. On the signal routes
 * and in status reads (`'hidden'`) it disappears for everyone else. Events are read with
 * `'kept'`, without the retracted clause: on the event feed and in deliveries a retracted
 * signal's events stay (a receiver must hear that a stop was withdrawn), with the content
 * withheld (`seesRetractedContent`, events.payload.ts). This is the one place that says so.
 */
export type Retracted = 'hidden' | 'kept';

/** The reader: an organisation; `member` stands for any organisation that is neither an auditor nor a supplier. */
type Reader<Id> = { id: Id; kind: OrganisationKind | 'member'; represents?: readonly string[] };

/** The terms the rule is written in; each reading of the rule gives them a meaning. */
interface Terms<B, Id> {
  yes: B;
  or(...terms: B[]): B;
  and(...terms: B[]): B;
  issuedBy(id: Id): B;
  addressedTo(id: Id): B;
  membersVisible(): B;
  notRetracted(): B;
  aboutOneOf(orgNumbers: readonly string[]): B;
}

/** The rule itself. */
function readable<B, Id>(t: Terms<B, Id>, reader: Reader<Id>, retracted: Retracted): B {
  const live = retracted === 'hidden' ? t.notRetracted() : t.yes;
  if (reader.kind === 'auditor') return t.yes;
  if (reader.kind === 'supplier') return t.and(live, t.membersVisible(), t.aboutOneOf(reader.represents ?? []));
  return t.or(t.issuedBy(reader.id), t.and(live, t.or(t.membersVisible(), t.addressedTo(reader.id))));
}

// ---- The rule in TypeScript, over a row's values ----

type Readable = { issuerOrgId: string; recipientOrgId: string | null; visibility: string; supplierOrgNumber?: string; status?: string };

const overRow = (row: Readable): Terms<boolean, string> => ({
  yes: true,
  or: (...terms) => terms.some(Boolean),
  and: (...terms) => terms.every(Boolean),
  issuedBy: (id) => row.issuerOrgId === id,
  addressedTo: (id) => row.recipientOrgId === id,
  membersVisible: () => row.visibility === 'members',
  notRetracted: () => row.status !== 'retracted',
  aboutOneOf: (orgNumbers) => row.supplierOrgNumber !== undefined && orgNumbers.includes(row.supplierOrgNumber),
});

const readerOf = (principal: Principal): Reader<string> => ({ id: principal.org.id, kind: principal.org.kind, represents: principal.represents });

/** The rule without the retracted clause (what events and deliveries apply to their copy of a signal). */
export const mayRead = (reader: Reader<string>, signal: Readable): boolean => readable(overRow(signal), reader, 'kept');

/** Whether the signal routes show the signal. */
export const canSee = (principal: Principal, signal: Readable & { status: string }): boolean => readable(overRow(signal), readerOf(principal), 'hidden');

/** Whether the reader gets a retracted signal's content (its events stay for everyone who may read them). */
export const seesRetractedContent = (reader: Pick<Reader<string>, 'id' | 'kind'>, signal: { issuerOrgId: string | null }): boolean =>
  reader.kind === 'auditor' || signal.issuerOrgId === reader.id;

/** `mayRead` over an event's copy of the signal's columns. */
export const mayReadEvent = (
  reader: Reader<string>,
  event: { issuerOrgId: string; signalRecipientOrgId: string | null; visibility: string; supplierOrgNumber: string },
): boolean =>
  mayRead(reader, { issuerOrgId: event.issuerOrgId, recipientOrgId: event.signalRecipientOrgId, visibility: event.visibility, supplierOrgNumber: event.supplierOrgNumber });

/**
 * The versions of a signal that the principal may read: `canSee` applied to each version
 * as it stood (its visibility, status and recipient), so auditors and the issuer read
 * every version, others only the versions they could read then and that were not
 * retracted (an earlier restricted text stays hidden after a signal is made public).
 * The operator is an "other" on every route, supplier history included.
 */
export function visibleVersions<V extends { visibility: string; status: string; recipientOrgId: string | null }>(
  principal: Principal,
  signal: { issuerOrgId: string; supplierOrgNumber?: string },
  versions: V[],
): V[] {
  return versions.filter((v) => canSee(principal, { issuerOrgId: signal.issuerOrgId, supplierOrgNumber: signal.supplierOrgNumber, ...v }));
}

// ---- The rule in SQL, over columns ----

/** The columns the rule reads; `status` is needed only where retracted signals are hidden. */
interface Columns {
  issuerOrgId: AnyPgColumn;
  recipientOrgId: AnyPgColumn;
  visibility: AnyPgColumn;
  status?: AnyPgColumn;
  supplierOrgNumber?: AnyPgColumn;
}

/** An organisation id as a value, a prepared statement's placeholder, or null for "no organisation in particular". */
type SqlId = string | Placeholder | null;

const TRUE = sql`true`;
const FALSE = sql`false`;

const overColumns = (c: Columns): Terms<SQL, SqlId> => ({
  yes: TRUE,
  or: (...terms) => {
    const rest = terms.filter((x) => x !== FALSE);
    if (rest.includes(TRUE)) return TRUE;
    return rest.length === 0 ? FALSE : rest.length === 1 ? rest[0]! : sql`(${sql.join(rest, sql` OR `)})`;
  },
  and: (...terms) => {
    const rest = terms.filter((x) => x !== TRUE);
    if (rest.includes(FALSE)) return FALSE;
    return rest.length === 0 ? TRUE : rest.length === 1 ? rest[0]! : sql`(${sql.join(rest, sql` AND `)})`;
  },
  issuedBy: (id) => (id === null ? FALSE : sql`${c.issuerOrgId} = ${id}`),
  addressedTo: (id) => (id === null ? FALSE : sql`${c.recipientOrgId} = ${id}`),
  membersVisible: () => sql`${c.visibility} = 'members'`,
  notRetracted: () => {
    if (!c.status) throw new Error('the retracted clause needs a status column');
    return sql`${c.status} <> 'retracted'`;
  },
  aboutOneOf: (orgNumbers) => {
    if (!c.supplierOrgNumber) throw new Error('a supplier reader needs a supplierOrgNumber column');
    return sql`${c.supplierOrgNumber} = ANY(${sql.param([...orgNumbers])}::text[])`;
  },
});

/** The SQL form of the rule; undefined means "no restriction" (an auditor). */
const readableSql = (reader: Reader<SqlId>, columns: Columns, retracted: Retracted): SQL | undefined => {
  const predicate = readable(overColumns(columns), reader, retracted);
  return predicate === TRUE ? undefined : predicate;
};

/** `canSee` as a SQL predicate over `signals`; undefined means "no restriction". */
export const visibleTo = (principal: Principal): SQL | undefined => readableSql(readerOf(principal), signals, 'hidden');

/**
 * `canSee` over `signals` for an organisation that is neither an auditor nor a supplier,
 * given as a value or as a prepared statement's placeholder. The status as of a past moment
 * applies it to the version in force then (`t`: the signal's issuer, the version's
 * visibility, status and recipient).
 */
export const visibleToOrganisation = (
  orgId: string | Placeholder,
  t: { issuerOrgId: AnyPgColumn; visibility: AnyPgColumn; status: AnyPgColumn; recipientOrgId: AnyPgColumn } = signals,
): SQL => readableSql({ id: orgId, kind: 'member' }, t, 'hidden')!;

/** `mayRead` over the signal columns of `events` (`'kept'`: see above); undefined means "no restriction". */
export const eventsVisibleTo = (reader: Reader<string>): SQL | undefined =>
  readableSql(
    reader,
    { issuerOrgId: events.issuerOrgId, recipientOrgId: events.signalRecipientOrgId, visibility: events.visibility, supplierOrgNumber: events.supplierOrgNumber },
    'kept',
  );

/** `canSee` over `signals` for every member alike: `members` signals not retracted (what one payload for all may name). */
export const readableByEveryMember = (): SQL => readableSql({ id: null, kind: 'member' }, signals, 'hidden')!;
