import type { Principal } from '../../plugins/auth.ts';
import { isSignalEvent } from '../events/events.table.ts';
import { organisationDirectory } from '../organisations/organisations.directory.ts';
import { eventMatches } from '../subscriptions/subscriptions.matching.ts';
import { reachNotFound } from './reach.errors.ts';
import type { ReachRepository } from './reach.repository.ts';
import { countStates, type DeliveryFacts, reachOf, receivingKinds } from './reach.rules.ts';

export function createReachService(deps: { reach: ReachRepository }) {
  const { reach } = deps;
  return {
    /**
     * Per receiving organisation, what became of the signal's latest event. Only the
     * issuer and auditors may ask: who did and did not receive a signal is the
     * issuer's follow-up, not everyone's business.
     */
    of: async (principal: Principal, signalId: string) => {
      const signal = await reach.signal(signalId);
      if (!signal || (principal.org.kind !== 'auditor' && signal.issuerOrgId !== principal.org.id)) throw reachNotFound(signalId);
      const event = await reach.latestEvent(signalId);
      if (!event || !isSignalEvent(event)) throw reachNotFound(signalId);
      const [organisations, active, deliveries] = await Promise.all([reach.organisations(), reach.activeSubscriptions(), reach.deliveriesOf(event.seq)]);

      // The relay's own rule decides who has a matching subscription (each rule once).
      const directory = organisationDirectory(organisations);
      const matched = new Set(active.filter(({ subscription, owner }) => eventMatches(event, subscription.filters, owner, directory)).map((s) => s.owner.id));
      const byOrg = new Map<string, DeliveryFacts[]>();
      for (const d of deliveries) byOrg.set(d.orgId, [...(byOrg.get(d.orgId) ?? []), d]);

      const rows = organisations
        .filter((o) => receivingKinds.includes(o.kind) && o.id !== signal.issuerOrgId)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((o) => ({
          organisationId: o.id,
          name: o.name,
          kind: o.kind,
          ...reachOf(byOrg.get(o.id) ?? [], matched.has(o.id), event.relayedAt !== null),
        }));
      return {
        signalId,
        event: { seq: event.seq, id: event.id, type: event.type, createdAt: event.createdAt, relayedAt: event.relayedAt },
        counts: { total: rows.length, ...countStates(rows) },
        organisations: rows,
      };
    },
  };
}

export type ReachService = ReturnType<typeof createReachService>;
