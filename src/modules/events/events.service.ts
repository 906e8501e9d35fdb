import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { pageOf } from '../../lib/cursor.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { linkPayload, signalPayload, supplierPayload, withheldSignal } from './events.payload.ts';
import type { EventRepository } from './events.repository.ts';
import { noticeSchema, type eventFeed } from './events.schemas.ts';
import { events, isLinkEvent, isSignalEvent, isSupplierEvent } from './events.table.ts';
import { eventReadableBy } from '../signals/signals.visibility.ts';

type FeedEntry = z.input<typeof eventFeed>['items'][number];

/**
 * The event feed. Signal events follow the signal-visibility rule on each event's copy
 * of the signal (auditors all; others their own and `members` ones), and a signal that
 * is retracted now shows only its ids in all its events, earlier ones included, to
 * everyone but its issuer and auditors. Notices go to their recipient organisation
 * only, auditors included. Supplier events (supplier.updated, supplier.linked/unlinked) go to every organisation,
 * as GET /v1/suppliers does. Reads of restricted signals and of sole traders are logged.
 */
export function createEventService({
  events: repository,
  audit,
  newId,
}: {
  events: Pick<EventRepository, 'list'>;
  audit: Pick<AuditService, 'logRead'>;
  newId: () => string;
}) {
  return {
    /** One page of events after sequence number `after`, and the cursor of the next (null when caught up). */
    feed: async (principal: Principal, after: number, limit: number): Promise<{ items: FeedEntry[]; nextCursor: string | null; lastSeq: number }> => {
      const me = principal.org.id;
      const auditor = principal.org.kind === 'auditor';
      const signalVisible = auditor ? sql`true` : eventReadableBy(me);
      const visible = sql`((${events.recipientOrgId} IS NULL AND (${signalVisible} OR ${events.supplier} IS NOT NULL)) OR ${events.recipientOrgId} = ${me})`;
      const { items: rows, nextCursor } = pageOf(await repository.list(after, visible, limit + 1), limit, (row) => String(row.seq));
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
            return [from, to].filter((p) => p.soleTrader).map((p) => p.orgNumber.replace('-', ''));
          }),
        ),
      ];
      await audit.logRead(principal, 'supplier.read_sole_trader', 'supplier', soleTraders, newId);
      const items = rows.map((row): FeedEntry => {
        if (isSupplierEvent(row)) {
          const supplier = supplierPayload(row);
          return { seq: row.seq, id: row.id, type: row.type, supplierOrgNumber: supplier.orgNumber, createdAt: row.createdAt, supplier };
        }
        if (isLinkEvent(row)) return { seq: row.seq, id: row.id, type: row.type, createdAt: row.createdAt, link: linkPayload(row) };
        if (isSignalEvent(row)) {
          const withhold = row.signalRetracted && !auditor && row.issuerOrgId !== me;
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
