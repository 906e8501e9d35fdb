import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import { supplierNotFound } from '../suppliers/suppliers.errors.ts';
import type { AgreementFilter, AgreementRepository } from './agreements.repository.ts';
import { agreementNotFound, invalidPeriod, notAgreementOwner } from './agreements.errors.ts';
import type { Agreement, AgreementCategory } from './agreements.table.ts';

export type AgreementView = Agreement & { suppliers: string[] };

export function createAgreementService(deps: {
  db: Db;
  agreements: AgreementRepository;
  suppliers: SupplierRepository;
  audit: Pick<AuditService, 'record'>;
  newId: () => string;
}) {
  const { db, agreements, suppliers, audit, newId } = deps;

  const withParties = async (rows: Agreement[]): Promise<AgreementView[]> => {
    const parties = await agreements.partiesOf(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...row,
      suppliers: parties.filter((p) => p.agreementId === row.id).map((p) => p.supplierOrgNumber),
    }));
  };

  const get = async (id: string): Promise<AgreementView> => {
    const row = await agreements.findById(id);
    if (!row) throw agreementNotFound(id);
    return (await withParties([row]))[0]!;
  };

  return {
    create: async (
      principal: Principal,
      input: { name: string; category: AgreementCategory; validFrom: string; validUntil?: string | undefined },
    ): Promise<AgreementView> => {
      if (input.validUntil && input.validUntil < input.validFrom) throw invalidPeriod();
      return db.transaction(async (tx) => {
        const row = await agreements.insert(tx, { id: newId(), ownerOrgId: principal.org.id, ...input, validUntil: input.validUntil ?? null });
        await audit.record(tx, principal, { action: 'agreement.created', targetType: 'agreement', targetId: row.id, change: input });
        return { ...row, suppliers: [] };
      });
    },

    get,

    list: async (filter: Omit<AgreementFilter, 'beforeId'> & { cursor?: string | undefined; limit: number }) => {
      const beforeId = filter.cursor ? decodeCursor(filter.cursor, UUID_PATTERN) : undefined;
      const page = pageOf(await agreements.list({ ...filter, beforeId }, filter.limit + 1), filter.limit, (a) => a.id);
      return { items: await withParties(page.items), nextCursor: page.nextCursor };
    },

    /** Only the owner adds parties; adding one twice is a no-op. */
    addSupplier: async (principal: Principal, agreementId: string, orgNumber: string) => {
      const agreement = await agreements.findById(agreementId);
      if (!agreement) throw agreementNotFound(agreementId);
      if (agreement.ownerOrgId !== principal.org.id) throw notAgreementOwner();
      if (!(await suppliers.findByOrgNumber(orgNumber))) throw supplierNotFound(orgNumber);
      return db.transaction(async (tx) => {
        const result = await agreements.addParty(tx, agreementId, orgNumber);
        if (result.created) {
          await audit.record(tx, principal, { action: 'agreement.party_added', targetType: 'agreement', targetId: agreementId, change: { orgNumber } });
        }
        return result;
      });
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
