import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OrganisationRepository } from './organisations.repository.ts';
import {
  federationNotFound,
  invalidOrganisationShape,
  organisationExists,
  organisationNotFound,
} from './organisations.errors.ts';
import type { Organisation, OrganisationKind } from './organisations.table.ts';

export interface NewOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  municipalityCode?: string | undefined;
  federationId?: string | undefined;
}

export function createOrganisationService({ db, organisations, audit }: { db: Db; organisations: OrganisationRepository; audit?: Pick<AuditService, 'record'> }) {
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
      return db.transaction(async (tx) => {
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
        await audit?.record(tx, principal, { action: 'organisation.created', targetType: 'organisation', targetId: created.id, change: input });
        return created;
      });
    },

    get: async (id: string): Promise<Organisation> => {
      const org = await organisations.findById(id);
      if (!org) throw organisationNotFound(id);
      return org;
    },

    list: () => organisations.list(),
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
