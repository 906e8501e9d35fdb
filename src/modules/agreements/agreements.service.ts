import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import { supplierNotFound } from '../suppliers/suppliers.errors.ts';
import type { AgreementFilter, AgreementRepository } from './agreements.repository.ts';
import { agreementNotFound, invalidPeriod, notAgreementOwner } from './agreements.errors.ts';
import type { Agreement, AgreementCategory } from './agreements.table.ts';

export type AgreementView = Agreement & { suppliers: string[] };

export function createAgreementService(deps: { agreements: AgreementRepository; suppliers: SupplierRepository; newId: () => string }) {
  const { agreements, suppliers, newId } = deps;

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
      owner: Organisation,
      input: { name: string; category: AgreementCategory; validFrom: string; validUntil?: string | undefined },
    ): Promise<AgreementView> => {
      if (input.validUntil && input.validUntil < input.validFrom) throw invalidPeriod();
      const row = await agreements.insert({ id: newId(), ownerOrgId: owner.id, ...input, validUntil: input.validUntil ?? null });
      return { ...row, suppliers: [] };
    },

    get,

    list: async (filter: Omit<AgreementFilter, 'beforeId'> & { cursor?: string | undefined; limit: number }) => {
      const beforeId = filter.cursor ? decodeCursor(filter.cursor, UUID_PATTERN) : undefined;
      const page = pageOf(await agreements.list({ ...filter, beforeId }, filter.limit + 1), filter.limit, (a) => a.id);
      return { items: await withParties(page.items), nextCursor: page.nextCursor };
    },

    /** Only the owner adds parties; adding one twice is a no-op. */
    addSupplier: async (caller: Organisation, agreementId: string, orgNumber: string) => {
      const agreement = await agreements.findById(agreementId);
      if (!agreement) throw agreementNotFound(agreementId);
      if (agreement.ownerOrgId !== caller.id) throw notAgreementOwner();
      if (!(await suppliers.findByOrgNumber(orgNumber))) throw supplierNotFound(orgNumber);
      return agreements.addParty(agreementId, orgNumber);
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
