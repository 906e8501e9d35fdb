import { checkVersion, type Precondition } from '../../lib/preconditions.ts';
import type { Db, Tx } from '../../db/client.ts';
import { pageOf, decodeCursor } from '../../lib/cursor.ts';
import { checkOrgNumber, formatOrgNumber } from '../../lib/identity-numbers.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { LinkView } from '../links/links.repository.ts';
import type { LinkService } from '../links/links.service.ts';
import type { SupplierRepository, UnitInput } from './suppliers.repository.ts';
import {
  changeReasonRequired,
  notASoleTrader,
  notRepresented,
  notSupplierOwner,
  operatorCannotRegister,
  soleTraderNotConfirmed,
  supplierNotFound,
  supplierNotYetRegistered,
  supplierVersionMismatch,
  unitNotFound,
} from './suppliers.errors.ts';
import type { Supplier, SupplierUnit, UnitSnapshot } from './suppliers.table.ts';

export type UnitView = SupplierUnit & { formerNames: string[] };
export type SupplierView = Supplier & { units: UnitView[]; formerNames: string[]; links: LinkView[] };

export interface SupplierInput {
  orgNumber: string;
  name: string;
  soleTrader?: boolean | undefined;
  units?: UnitInput[] | undefined;
  reason?: string | undefined;
}

const snapshot = (units: Array<Pick<SupplierUnit, 'id' | 'name' | 'kind'>>): UnitSnapshot[] =>
  units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));

export function createSupplierService({
  db,
  suppliers,
  events,
  links,
  audit,
  newId,
}: {
  db: Db;
  suppliers: SupplierRepository;
  links: Pick<LinkService, 'activeOf'>;
  events: Pick<EventRepository, 'appendSupplier'>;
  audit: Pick<AuditService, 'record' | 'logSoleTraderReads'>;
  newId: () => string;
}) {
  // A sole trader's number is the owner's personnummer: every read of one is logged.
  const logSoleTraderReads = (principal: Principal, rows: Supplier[]) =>
    audit.logSoleTraderReads(principal, rows.filter((r) => r.soleTrader).map((r) => r.orgNumber), newId);

  const withUnits = async (principal: Principal, rows: Supplier[]): Promise<SupplierView[]> => {
    const numbers = rows.map((r) => r.orgNumber);
    const [units, names, active] = await Promise.all([suppliers.unitsOf(numbers), suppliers.namesOf(numbers), links.activeOf(principal, numbers)]);
    const former = (orgNumber: string, unitId: string | null, current: string) =>
      names.filter((n) => n.supplierOrgNumber === orgNumber && n.unitId === unitId && n.name.toLowerCase() !== current.toLowerCase()).map((n) => n.name);
    return rows.map((row) => ({
      ...row,
      formerNames: former(row.orgNumber, null, row.name),
      units: units.filter((u) => u.supplierOrgNumber === row.orgNumber).map((u) => ({ ...u, formerNames: former(row.orgNumber, u.id, u.name) })),
      links: active.filter((l) => l.fromOrgNumber === row.orgNumber || l.toOrgNumber === row.orgNumber),
    }));
  };

  /**
   * Who may change a registered supplier's record: the organisation that registered
   * it, the owner of an agreement it is party to (the purchasing centre that contracts
   * it), and the operator. Anyone else renaming it could make a stopped home appear
   * under another name.
   */
  const mayChange = async (tx: Tx, principal: Principal, supplier: Supplier) =>
    principal.org.kind === 'operator' || supplier.createdByOrgId === principal.org.id || (await suppliers.ownsAgreementWith(tx, principal.org.id, supplier.orgNumber));

  /** The listed units matched to existing ones by id, else by name; unlisted units are kept. */
  const planUnits = (existing: SupplierUnit[], input: UnitInput[]) => {
    const after = existing.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
    const inserts: Array<{ id: string; name: string; kind: string | null }> = [];
    const updates: Array<{ id: string; name: string; kind: string | null }> = [];
    for (const unit of input) {
      const match = unit.id ? after.find((u) => u.id === unit.id) : after.find((u) => u.name.toLowerCase() === unit.name.toLowerCase());
      if (unit.id && !match) throw unitNotFound(unit.id);
      if (match) {
        const kind = unit.kind ?? match.kind;
        if (match.name !== unit.name || match.kind !== kind) {
          match.name = unit.name;
          match.kind = kind;
          updates.push({ ...match });
        }
      } else {
        const created = { id: newId(), name: unit.name, kind: unit.kind ?? null };
        after.push(created);
        inserts.push(created);
      }
    }
    return { after, inserts, updates };
  };

  const register = async (tx: Tx, principal: Principal, input: SupplierInput): Promise<boolean> => {
    if (principal.org.kind === 'operator') throw operatorCannotRegister();
    const inserted = await suppliers.insert(tx, { orgNumber: input.orgNumber, name: input.name, soleTrader: input.soleTrader === true, createdByOrgId: principal.org.id });
    if (!inserted) return false;
    const { after } = planUnits([], input.units ?? []);
    for (const unit of after) await suppliers.insertUnit(tx, { ...unit, supplierOrgNumber: input.orgNumber });
    await suppliers.appendVersion(tx, {
      supplierOrgNumber: input.orgNumber,
      version: 1,
      change: 'created',
      name: input.name,
      units: snapshot(after),
      reason: input.reason ?? null,
      orgId: principal.org.id,
      actorSub: principal.sub,
    });
    await audit.record(tx, principal, { action: 'supplier.created', targetType: 'supplier', targetId: input.orgNumber, change: withoutNumber(input) });
    return true;
  };

  /** Changes a registered supplier; a PUT that changes nothing is answered as it stands, for any member. */
  const change = async (tx: Tx, principal: Principal, current: Supplier, input: SupplierInput) => {
    const existing = await suppliers.unitsOf([current.orgNumber], tx);
    const { after, inserts, updates } = planUnits(existing, input.units ?? []);
    const renamed = current.name !== input.name;
    if (!renamed && inserts.length === 0 && updates.length === 0) return;
    if (!(await mayChange(tx, principal, current))) throw notSupplierOwner(current.orgNumber);
    if (!input.reason) throw changeReasonRequired();
    const version = current.version + 1;
    await suppliers.setName(tx, current.orgNumber, input.name, version);
    for (const unit of updates) await suppliers.updateUnit(tx, unit.id, { name: unit.name, kind: unit.kind });
    for (const unit of inserts) await suppliers.insertUnit(tx, { ...unit, supplierOrgNumber: current.orgNumber });
    const units = snapshot(after);
    await suppliers.appendVersion(tx, {
      supplierOrgNumber: current.orgNumber,
      version,
      change: 'updated',
      name: input.name,
      units,
      reason: input.reason,
      orgId: principal.org.id,
      actorSub: principal.sub,
    });
    await events.appendSupplier(
      tx,
      current.orgNumber,
      {
        orgNumber: formatOrgNumber(current.orgNumber),
        name: input.name,
        previousName: current.name,
        soleTrader: current.soleTrader,
        units,
        version,
        reason: input.reason,
        changedByOrgId: principal.org.id,
        changedAt: new Date().toISOString(),
      },
      newId,
    );
    await audit.record(tx, principal, { action: 'supplier.updated', targetType: 'supplier', targetId: current.orgNumber, change: withoutNumber(input) });
  };

  return {
    /**
     * PUT semantics: registers (any member) or changes (its owners, with a reason);
     * the listed units are upserted, unlisted ones kept. Every change is a version
     * and a supplier.updated event, in the same transaction.
     */
    put: async (principal: Principal, input: SupplierInput, expected?: Precondition): Promise<{ created: boolean; supplier: SupplierView }> => {
      const check = checkOrgNumber(input.orgNumber);
      if (check.ok && check.soleTrader && input.soleTrader !== true) throw soleTraderNotConfirmed();
      if (check.ok && !check.soleTrader && input.soleTrader === true) throw notASoleTrader();
      const created = await db.transaction(async (tx) => {
        const current = await suppliers.lockByOrgNumber(tx, input.orgNumber);
        // If-Match, under the lock: a change based on a version that is no longer current, or
        // on a record that does not exist (RFC 9110 §13.1.1, even for *), changes nothing.
        if (expected !== undefined) {
          if (!current) throw supplierNotYetRegistered(input.orgNumber);
          checkVersion(expected, current.version, supplierVersionMismatch);
        }
        if (!current && (await register(tx, principal, input))) return true;
        // Registered by a concurrent request after our look: it is a change now.
        await change(tx, principal, current ?? (await suppliers.lockByOrgNumber(tx, input.orgNumber))!, input);
        return false;
      });
      const [supplier] = await withUnits(principal, [(await suppliers.findByOrgNumber(input.orgNumber))!]);
      return { created, supplier: supplier! };
    },

    get: async (principal: Principal, orgNumber: string): Promise<SupplierView> => {
      // A supplier organisation reads its own records only (README, "The supplier's reply").
      if (principal.org.kind === 'supplier' && !principal.represents.includes(orgNumber)) throw notRepresented();
      const row = await suppliers.findByOrgNumber(orgNumber);
      if (!row) throw supplierNotFound(orgNumber);
      await logSoleTraderReads(principal, [row]);
      return (await withUnits(principal, [row]))[0]!;
    },

    /** Every version of the record, oldest first (for the supplier history). */
    versions: async (orgNumber: string) => {
      if (!(await suppliers.findByOrgNumber(orgNumber))) throw supplierNotFound(orgNumber);
      return suppliers.versionsOf(orgNumber);
    },

    /** With q: best matches first, by current and former names of the supplier and its units; without: every supplier by number, paged. */
    list: async (principal: Principal, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) => {
      if (query.q) {
        const found = await suppliers.search(query.q, query.limit);
        await logSoleTraderReads(principal, found);
        return { items: await withUnits(principal, found), nextCursor: null };
      }
      const after = query.cursor ? decodeCursor(query.cursor, /^\d{10}$/) : undefined;
      const page = pageOf(await suppliers.list(after, query.limit + 1), query.limit, (s) => s.orgNumber);
      await logSoleTraderReads(principal, page.items);
      return { items: await withUnits(principal, page.items), nextCursor: page.nextCursor };
    },
  };
}

const withoutNumber = ({ orgNumber: _, ...change }: SupplierInput) => change;

export type SupplierService = ReturnType<typeof createSupplierService>;
