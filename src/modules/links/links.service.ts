import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import { supplierNotFound } from '../suppliers/suppliers.errors.ts';
import { duplicateLink, linkAlreadyEnded, linkNotFound, notLinkOwner, selfLink, unknownLinkedSupplier } from './links.errors.ts';
import type { LinkRepository, LinkView } from './links.repository.ts';
import type { LinkKind } from './links.table.ts';

export interface LinkInput {
  kind: LinkKind;
  fromOrgNumber: string;
  toOrgNumber: string;
  reason: string;
}

/**
 * Links between suppliers (README, "Linked suppliers"): members draw them with a
 * reason; the organisation that drew one, or the operator, ends it with a reason. A
 * link is never deleted, so the suppliers' history keeps it. Each change is an event
 * and an audit entry in its own transaction.
 */
export function createLinkService({
  db,
  links,
  suppliers,
  events,
  audit,
  newId,
}: {
  db: Db;
  links: LinkRepository;
  suppliers: Pick<SupplierRepository, 'findByOrgNumber'>;
  events: Pick<EventRepository, 'appendLink'>;
  audit: Pick<AuditService, 'record' | 'logSoleTraderReads'>;
  newId: () => string;
}) {
  // A sole trader's number is a personnummer: a link that shows one is a logged read.
  const logSoleTraders = (principal: Principal, rows: LinkView[]) =>
    audit.logSoleTraderReads(principal, rows.flatMap((l) => [l.from, l.to].filter((p) => p.soleTrader).map((p) => p.orgNumber)), newId);

  return {
    create: async (principal: Principal, input: LinkInput): Promise<LinkView> => {
      if (input.fromOrgNumber === input.toOrgNumber) throw selfLink();
      const id = newId();
      await db.transaction(async (tx) => {
        // Suppliers are never deleted, so a look suffices; two links drawn at once between the
        // same pair meet in supplier_links_active_pair_uq, where the second waits and is refused.
        if (!(await suppliers.findByOrgNumber(input.fromOrgNumber, tx))) throw unknownLinkedSupplier('fromOrgNumber', input.fromOrgNumber);
        if (!(await suppliers.findByOrgNumber(input.toOrgNumber, tx))) throw unknownLinkedSupplier('toOrgNumber', input.toOrgNumber);
        const inserted = await links.insert(tx, { id, ...input, createdByOrgId: principal.org.id, createdBy: principal.sub });
        if (!inserted) {
          const existing = await links.activeBetween(tx, input.kind, input.fromOrgNumber, input.toOrgNumber);
          throw duplicateLink(existing?.id ?? 'unknown');
        }
        const link = (await links.findById(id, tx))!;
        await events.appendLink(tx, 'supplier.linked', link, newId);
        await audit.record(tx, principal, { action: 'supplier.linked', targetType: 'supplier_link', targetId: id, change: input });
      });
      const link = (await links.findById(id))!;
      await logSoleTraders(principal, [link]);
      return link;
    },

    /** Ends an active link: its creator or the operator only; anyone else 403, an ended one 409. */
    end: async (principal: Principal, id: string, reason: string): Promise<LinkView> => {
      await db.transaction(async (tx) => {
        const current = await links.lock(tx, id);
        if (!current) throw linkNotFound(id);
        if (principal.org.kind !== 'operator' && current.createdByOrgId !== principal.org.id) throw notLinkOwner();
        if (current.endedAt !== null) throw linkAlreadyEnded();
        await links.end(tx, id, { endedByOrgId: principal.org.id, endedBy: principal.sub, endReason: reason });
        const link = (await links.findById(id, tx))!;
        await events.appendLink(tx, 'supplier.unlinked', link, newId);
        await audit.record(tx, principal, { action: 'supplier.unlinked', targetType: 'supplier_link', targetId: id, change: { reason } });
      });
      const link = (await links.findById(id))!;
      await logSoleTraders(principal, [link]);
      return link;
    },

    get: async (principal: Principal, id: string): Promise<LinkView> => {
      const link = await links.findById(id);
      if (!link) throw linkNotFound(id);
      await logSoleTraders(principal, [link]);
      return link;
    },

    /** The active links of these suppliers (for supplier reads); the sole traders among their other suppliers are logged. */
    activeOf: async (principal: Principal, orgNumbers: string[]): Promise<LinkView[]> => {
      const rows = await links.activeOf(orgNumbers);
      const asked = new Set(orgNumbers);
      await audit.logSoleTraderReads(principal, rows.flatMap((l) => [l.from, l.to].filter((p) => p.soleTrader && !asked.has(p.orgNumber)).map((p) => p.orgNumber)), newId);
      return rows;
    },

    /** Every link the supplier ever had, ended ones included (its history; the caller logs the read). */
    history: async (orgNumber: string): Promise<LinkView[]> => {
      if (!(await suppliers.findByOrgNumber(orgNumber))) throw supplierNotFound(orgNumber);
      return links.allOf(orgNumber);
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
