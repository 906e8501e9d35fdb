import type { Db } from '../../db/client.ts';
import { decodeCursor, type Page, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from '../events/events.repository.ts';
import { organisationNotFound } from '../organisations/organisations.errors.ts';
import type { OrganisationRepository } from '../organisations/organisations.repository.ts';
import { signalNotFound } from '../signals/signals.errors.ts';
import type { SignalRepository } from '../signals/signals.repository.ts';
import { canSee } from '../signals/signals.visibility.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import { notASupplierOrganisation, numberRepresented, representationNotFound, representationsNotYours, unknownRepresentedSupplier } from './replies.errors.ts';
import type { ReplyRepository } from './replies.repository.ts';
import { toReplyResponse } from './replies.schemas.ts';
import type { SignalReplyRow, SupplierRepresentation } from './replies.table.ts';

/**
 * The supplier's side (README, "The supplier's reply"). The operator says which
 * organisation numbers a supplier organisation answers for; that organisation then reads
 * the members-visible signals about them (the visibility rule, signals.visibility.ts) and
 * replies to them. A reply is versioned, changes no status, and travels with the signal:
 * in reads, status reasons, the supplier's history and a `signal.replied` event. Each
 * change is an audit entry in its own transaction.
 */
export function createReplyService({
  db,
  replies,
  signals,
  suppliers,
  organisations,
  events,
  audit,
  newId,
}: {
  db: Db;
  replies: ReplyRepository;
  signals: Pick<SignalRepository, 'findById' | 'lockById'>;
  suppliers: Pick<SupplierRepository, 'findByOrgNumber'>;
  organisations: Pick<OrganisationRepository, 'findById'>;
  events: Pick<EventRepository, 'append'>;
  audit: Pick<AuditService, 'record'>;
  newId: () => string;
}) {
  const supplierOrganisation = async (id: string) => {
    const org = await organisations.findById(id);
    if (!org) throw organisationNotFound(id);
    if (org.kind !== 'supplier') throw notASupplierOrganisation(id);
    return org;
  };

  return {
    /** A new version of the caller's reply on a signal it may read (a supplier organisation only; the route says so). */
    reply: async (principal: Principal, signalId: string, input: { text: string; disputed: boolean }): Promise<SignalReplyRow> =>
      db.transaction(async (tx) => {
        // The row lock orders replies to one signal, and a reply against the issuer's amendments.
        const signal = await signals.lockById(tx, signalId);
        if (!signal || !canSee(principal, signal)) throw signalNotFound(signalId);
        const row = await replies.appendReply(tx, { signalId, supplierOrgId: principal.org.id, text: input.text, disputed: input.disputed, createdBy: principal.sub });
        await events.append(tx, { ...signal, reply: toReplyResponse(row) }, 'signal.replied', newId);
        await audit.record(tx, principal, { action: 'signal.replied', targetType: 'signal', targetId: signalId, change: { version: row.version, ...input } });
        return row;
      }),

    /** Every version of the reply on a signal, for whoever may read the signal. */
    replies: async (principal: Principal, signalId: string): Promise<SignalReplyRow[]> => {
      const signal = await signals.findById(signalId);
      if (!signal || !canSee(principal, signal)) throw signalNotFound(signalId);
      return replies.repliesTo(signalId);
    },

    /** The operator: the supplier organisation answers for this registered number from now. */
    represent: async (principal: Principal, supplierOrgId: string, input: { orgNumber: string; reason: string }): Promise<SupplierRepresentation> => {
      await supplierOrganisation(supplierOrgId);
      if (!(await suppliers.findByOrgNumber(input.orgNumber))) throw unknownRepresentedSupplier(input.orgNumber);
      const id = newId();
      return db.transaction(async (tx) => {
        // Two at once for one number meet in the partial unique index; the second is refused.
        if (!(await replies.insertRepresentation(tx, { id, supplierOrgId, orgNumber: input.orgNumber, reason: input.reason, createdBy: principal.sub }))) {
          throw numberRepresented(input.orgNumber, (await replies.representationOf(input.orgNumber, tx))?.supplierOrgId ?? 'another organisation');
        }
        await audit.record(tx, principal, { action: 'supplier.represented', targetType: 'organisation', targetId: supplierOrgId, change: input });
        return (await replies.representationOf(input.orgNumber, tx))!;
      });
    },

    /** The operator: the supplier organisation no longer answers for the number (its replies stay). */
    endRepresentation: async (principal: Principal, supplierOrgId: string, orgNumber: string, reason: string): Promise<SupplierRepresentation> => {
      await supplierOrganisation(supplierOrgId);
      return db.transaction(async (tx) => {
        const ended = await replies.endRepresentation(tx, supplierOrgId, orgNumber, { endedBy: principal.sub, endReason: reason });
        if (!ended) throw representationNotFound(supplierOrgId, orgNumber);
        await audit.record(tx, principal, { action: 'supplier.representation_ended', targetType: 'organisation', targetId: supplierOrgId, change: { orgNumber, reason } });
        return ended;
      });
    },

    /** The numbers a supplier organisation answers for and did: the operator, auditors, and that organisation itself. */
    representations: async (principal: Principal, supplierOrgId: string, query: { cursor?: string | undefined; limit: number }): Promise<Page<SupplierRepresentation>> => {
      if (principal.org.kind === 'supplier' && principal.org.id !== supplierOrgId) {
        throw representationsNotYours();
      }
      await supplierOrganisation(supplierOrgId);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, UUID_PATTERN);
      return pageOf(await replies.representationsOf(supplierOrgId, after, query.limit + 1), query.limit, (r) => r.id);
    },
  };
}

export type ReplyService = ReturnType<typeof createReplyService>;
