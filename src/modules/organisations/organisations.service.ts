import type { Config } from '../../config.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { ORGANISATION_ID_PATTERN } from '../../lib/schemas.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OrganisationRepository } from './organisations.repository.ts';
import { createMembershipRepository, type MembershipRepository } from './organisations.memberships.repository.ts';
import {
  alreadySuspended,
  federationNotFound,
  invalidOrganisationShape,
  municipalityCodeTaken,
  notSuspended,
  operatorNotSuspendable,
  organisationExists,
  organisationNotFound,
} from './organisations.errors.ts';
import { MUNICIPALITY_CODE_UNIQUE, type Organisation, type OrganisationKind, type RevokedClient } from './organisations.table.ts';
import { violates } from '../../db/constraints.ts';

export interface NewOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  municipalityCode?: string | undefined;
  federationId?: string | undefined;
}

export function createOrganisationService({
  db,
  organisations,
  audit,
  pseudonymise = (sub) => sub,
  memberships = createMembershipRepository(db),
}: {
  db: Db;
  organisations: OrganisationRepository;
  /** Where a municipality's first federation period is recorded, in the same transaction. */
  memberships?: Pick<MembershipRepository, 'begin'>;
  audit?: Pick<AuditService, 'record'>;
  /** The kept form of a `sub` (src/lib/pseudonyms.ts), so a revocation names the client as its tokens do. */
  pseudonymise?: (sub: string) => string;
}) {
  const setSuspended = async (principal: Principal, id: string, suspended: boolean, reason: string): Promise<Organisation> => {
    const org = await organisations.findById(id);
    if (!org) throw organisationNotFound(id);
    if (suspended && org.kind === 'operator') throw operatorNotSuspendable();
    return db.transaction(async (tx) => {
      const changed = await organisations.setSuspended(tx, id, suspended);
      if (!changed) throw suspended ? alreadySuspended(id) : notSuspended(id);
      await audit?.record(tx, principal, {
        action: suspended ? 'organisation.suspended' : 'organisation.resumed',
        targetType: 'organisation',
        targetId: id,
        change: { reason },
      });
      return changed;
    });
  };

  return {
    /** The operator organisation must exist before anyone can create the first member. */
    ensureOperator: async (config: Pick<Config, 'OPERATOR_ORG_ID'>) => {
      await organisations.insert({ id: config.OPERATOR_ORG_ID, kind: 'operator', name: 'Registry operator' });
    },

    create: async (principal: Principal, input: NewOrganisation): Promise<Organisation> => {
      if (input.kind === 'municipality' && !input.municipalityCode) {
        throw invalidOrganisationShape('A municipality needs its municipalityCode (kommunkod, four digits).');
      }
      if (input.kind !== 'municipality' && (input.municipalityCode || input.federationId)) {
        throw invalidOrganisationShape('Only a municipality has a municipalityCode or a federationId.');
      }
      if (input.federationId) {
        const federation = await organisations.findById(input.federationId);
        if (federation?.kind !== 'federation') throw federationNotFound(input.federationId);
      }
      return db
        .transaction(async (tx) => {
          const created = await organisations.insert(
            {
              id: input.id,
              kind: input.kind,
              name: input.name,
              municipalityCode: input.municipalityCode ?? null,
              federationId: input.federationId ?? null,
            },
            tx,
          );
          if (!created) throw organisationExists(input.id);
          // Its first period begins at its registration (the same transaction's now()).
          if (created.federationId) {
            await memberships.begin(tx, { municipalityId: created.id, federationId: created.federationId, from: 'now', by: principal.sub, reason: 'Registered as a member.' });
          }
          await audit?.record(tx, principal, { action: 'organisation.created', targetType: 'organisation', targetId: created.id, change: input });
          return created;
        })
        .catch((error: unknown) => {
          // The unique index decides, so two concurrent creates cannot both take the code.
          if (violates(error, MUNICIPALITY_CODE_UNIQUE)) throw municipalityCodeTaken(input.municipalityCode ?? '');
          throw error;
        });
    },

    /**
     * Shuts the organisation out until resumed: every token of it is refused and its
     * subscriptions receive nothing (src/plugins/auth.ts, subscriptions' activeWithOwner).
     */
    suspend: (principal: Principal, id: string, reason: string) => setSuspended(principal, id, true, reason),

    resume: (principal: Principal, id: string, reason: string) => setSuspended(principal, id, false, reason),

    /** Refuses every token of one client (JWT sub) from now on; `created` is false when it already was revoked. */
    revokeClient: async (principal: Principal, id: string, given: { sub: string; reason: string }): Promise<{ created: boolean; revoked: RevokedClient }> => {
      const input = { ...given, sub: pseudonymise(given.sub) };
      if (!(await organisations.findById(id))) throw organisationNotFound(id);
      const revoked = await db.transaction(async (tx) => {
        const row = await organisations.revokeClient(tx, { orgId: id, sub: input.sub, reason: input.reason, revokedBy: principal.sub });
        if (row) await audit?.record(tx, principal, { action: 'organisation.client_revoked', targetType: 'organisation', targetId: id, change: input });
        return row;
      });
      if (revoked) return { created: true, revoked };
      return { created: false, revoked: (await organisations.findRevokedClient(id, input.sub))! };
    },

    revokedClients: async (id: string): Promise<RevokedClient[]> => {
      if (!(await organisations.findById(id))) throw organisationNotFound(id);
      return organisations.revokedClientsOf(id);
    },

    get: async (id: string): Promise<Organisation> => {
      const org = await organisations.findById(id);
      if (!org) throw organisationNotFound(id);
      return org;
    },

    /** One page of organisations by id, and the cursor of the next. */
    list: async (query: { cursor?: string | undefined; limit: number }) => {
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ORGANISATION_ID_PATTERN);
      return pageOf(await organisations.list(after, query.limit + 1), query.limit, (org) => org.id);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
