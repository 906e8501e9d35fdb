import type { z } from 'zod';
import { pageOf } from '../../lib/cursor.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { linkPayload, signalPayload, supplierPayload, withheldSignal } from './events.payload.ts';
import { orgNumberDigits } from '../../lib/identity-numbers.ts';
import type { EventRepository } from './events.repository.ts';
import { noticeSchema, type eventFeed } from './events.schemas.ts';
import { isLinkEvent, isSignalEvent, isSupplierEvent } from './events.table.ts';
import { seesRetractedContent } from '../signals/signals.visibility.ts';

type FeedEntry = z.input<typeof eventFeed>['items'][number];

/**
 * The event feed. Which events a reader sees is the repository's query (the signal-visibility
 * rule on each event's copy of the signal, signals.visibility.ts; notices to their recipient
 * organisation only, auditors included; supplier events, supplier.updated and
 * supplier.linked/unlinked, to every organisation, as GET /v1/suppliers does). A signal that
 * is retracted now shows only its ids in all its events, earlier ones included, to everyone
 * but its issuer and auditors. Reads of restricted signals and of sole traders are logged.
 */
export function createEventService({
  events: repository,
  audit,
  newId,
}: {
  events: Pick<EventRepository, 'list'>;
  audit: Pick<AuditService, 'logRead' | 'logSoleTraderReads'>;
  newId: () => string;
}) {
  return {
    /** One page of events after sequence number `after`, and the cursor of the next (null when caught up). */
    feed: async (principal: Principal, after: number, limit: number): Promise<{ items: FeedEntry[]; nextCursor: string | null; lastSeq: number }> => {
      const reader = { id: principal.org.id, kind: principal.org.kind, represents: principal.represents };
      const { items: rows, nextCursor } = pageOf(await repository.list(reader, after, limit + 1), limit, (row) => String(row.seq));
      // An issuer_and_auditors signal is restricted data however it is read: log the
      // signals whose events this page shows, as reads of the signal itself do.
      const restricted = [...new Set(rows.flatMap((e) => (isSignalEvent(e) && e.visibility === 'issuer_and_auditors' ? [e.signalId] : [])))];
      await audit.logRead(principal, 'event.read_restricted', 'signal', restricted, newId);
      // A sole trader's number is a personnummer: logged as GET /v1/suppliers logs it.
      const soleTraders = [
        ...new Set(
          rows.flatMap((e) => {
            if (isSupplierEvent(e)) return supplierPayload(e).soleTrader ? [e.supplierOrgNumber] : [];
            if (!isLinkEvent(e)) return [];
            const { from, to } = linkPayload(e);
            return [from, to].filter((p) => p.soleTrader).map((p) => orgNumberDigits(p.orgNumber));
          }),
        ),
      ];
      await audit.logSoleTraderReads(principal, soleTraders, newId);
      const items = rows.map((row): FeedEntry => {
        if (isSupplierEvent(row)) {
          const supplier = supplierPayload(row);
          return { seq: row.seq, id: row.id, type: row.type, supplierOrgNumber: supplier.orgNumber, createdAt: row.createdAt, supplier };
        }
        if (isLinkEvent(row)) return { seq: row.seq, id: row.id, type: row.type, createdAt: row.createdAt, link: linkPayload(row) };
        if (isSignalEvent(row)) {
          const withhold = row.signalRetracted && !seesRetractedContent(reader, row);
          return {
            seq: row.seq,
            id: row.id,
            type: row.type,
            signalId: row.signalId,
            signalVersion: row.signalVersion,
            createdAt: row.createdAt,
            signal: withhold ? withheldSignal(row) : signalPayload(row),
          };
        }
        // The query admits only this organisation's notices, so a row here is one.
        return {
          seq: row.seq,
          id: row.id,
          type: row.type as 'subscription.failing' | 'subscription.disabled',
          subscriptionId: row.subscriptionId!,
          createdAt: row.createdAt,
          notice: noticeSchema.parse(row.notice),
        };
      });
      return { items, nextCursor, lastSeq: rows.at(-1)?.seq ?? after };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
