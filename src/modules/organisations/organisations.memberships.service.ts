import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OrganisationRepository } from './organisations.repository.ts';
import type { MembershipRepository } from './organisations.memberships.repository.ts';
import {
  federationNotFound,
  federationUnchanged,
  membersForbidden,
  membershipHistoryForbidden,
  notFederation,
  notMunicipality,
  organisationNotFound,
} from './organisations.errors.ts';
import type { FederationMembership, Organisation } from './organisations.table.ts';

/** Who reads across organisations: the operator runs the registry, auditors oversee it. */
const oversees = (principal: Principal) => principal.org.kind === 'operator' || principal.org.kind === 'auditor';

/**
 * A municipality's federation (kommunförbund), changed by the operator with a reason
 * and kept as periods (organisations.memberships.repository.ts). Each change ends the
 * current period and begins the next at one database moment, updates the current value
 * on the organisation and appends the audit entry, in one transaction; every rule that
 * reads "the caller's federation" reads the current value, on the next request.
 */
export function createMembershipService({
  db,
  organisations,
  memberships,
  audit,
}: {
  db: Db;
  organisations: Pick<OrganisationRepository, 'findById'>;
  memberships: MembershipRepository;
  audit?: Pick<AuditService, 'record'>;
}) {
  return {
    /**
     * Joins (none → F), moves (F → G) or leaves (F → none). An unchanged federation is
     * a 409 and records nothing: a reason for a change that did not happen would mislead.
     */
    change: async (
      principal: Principal,
      id: string,
      { federationId, reason }: { federationId: string | null; reason: string },
    ): Promise<{ organisation: Organisation; ended: FederationMembership | null; began: FederationMembership | null }> =>
      db.transaction(async (tx) => {
        const municipality = await memberships.lockOrganisation(tx, id);
        if (!municipality) throw organisationNotFound(id);
        if (municipality.kind !== 'municipality') throw notMunicipality(id);
        if (federationId !== null) {
          const federation = await memberships.find(tx, federationId);
          if (federation?.kind !== 'federation') throw federationNotFound(federationId);
        }
        if (municipality.federationId === federationId) throw federationUnchanged(id, federationId);

        const at = await memberships.clock(tx);
        const change = { by: principal.sub, reason };
        const current = await memberships.current(tx, id);
        const ended = current ? await memberships.end(tx, current.id, at, change) : null;
        const began = federationId === null ? null : await memberships.begin(tx, { municipalityId: id, federationId, from: at, ...change });
        const organisation = await memberships.setCurrentFederation(tx, id, federationId);
        await audit?.record(tx, principal, {
          action: 'organisation.federation_changed',
          targetType: 'organisation',
          targetId: id,
          change: { from: municipality.federationId, to: federationId, reason },
        });
        return { organisation, ended, began };
      }),

    /** Every period of a municipality, for the operator, auditors, the municipality and each federation it belongs or belonged to. */
    history: async (principal: Principal, id: string) => {
      const organisation = await organisations.findById(id);
      if (!organisation) throw organisationNotFound(id);
      const periods = await memberships.historyOf(id);
      const concerned = principal.org.kind === 'federation' && periods.some((p) => p.federationId === principal.org.id);
      if (!oversees(principal) && principal.org.id !== id && !concerned) throw membershipHistoryForbidden(id);
      if (organisation.kind !== 'municipality') throw notMunicipality(id);
      return { municipalityId: id, federationId: organisation.federationId, items: periods };
    },

    /** A federation's current members, for the federation itself, the operator and auditors. */
    members: async (principal: Principal, id: string) => {
      const organisation = await organisations.findById(id);
      if (!organisation) throw organisationNotFound(id);
      if (!oversees(principal) && principal.org.id !== id) throw membersForbidden(id);
      if (organisation.kind !== 'federation') throw notFederation(id);
      const rows = await memberships.currentMembersOf(id);
      return {
        federationId: id,
        items: rows.map(({ membership, municipality }) => ({
          municipalityId: municipality.id,
          name: municipality.name,
          municipalityCode: municipality.municipalityCode,
          since: membership.validFrom,
          changedBy: membership.changedBy,
          reason: membership.reason,
        })),
      };
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
