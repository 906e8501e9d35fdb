import { sql } from 'drizzle-orm';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from './events.repository.ts';
import { events } from './events.table.ts';

/** The event feed: the signal-visibility rule on each event's copy of the signal, and the read log. */
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
    feed: async (principal: Principal, after: number, limit: number) => {
      const visible =
        principal.org.kind === 'auditor' ? undefined : sql`(${events.issuerOrgId} = ${principal.org.id} OR ${events.visibility} = 'members')`;
      const items = await repository.list(after, visible, limit);
      // An issuer_and_auditors signal is restricted data however it is read: log the
      // signals whose events this page shows, as reads of the signal itself do.
      const restricted = [...new Set(items.filter((e) => e.visibility === 'issuer_and_auditors').map((e) => e.signalId))];
      await audit.logRead(principal, 'event.read_restricted', 'signal', restricted, newId);
      return items;
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
