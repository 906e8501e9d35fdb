import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import { agreementSuppliers, agreements, type AgreementCategory } from '../agreements/agreements.table.ts';
import { signals } from '../signals/signals.table.ts';
import { visibleTo } from '../signals/signals.visibility.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';
import { linkedSignalOn, linkNeighbours, live } from './status.repository.ts';
import { blockingSignalTypes } from './status.rules.ts';

export interface FlaggedCandidate {
  orgNumber: string;
  name: string;
  soleTrader: boolean;
}

/**
 * The suppliers whose status may be other than `clear` for the caller (GET
 * /v1/suppliers/flagged): in organisation-number order after `after`, at most `limit`.
 * Only a candidate list — the status itself is decided by the rules (status.rules.ts) over
 * the same statements the batch read uses — but one that misses none: a status is not
 * clear only through a live signal the caller may read (`live`, `visibleTo`), on the
 * supplier itself or on a linked supplier (`linkNeighbours`, `linkedSignalOn`, as in the
 * status read). Asked for `blocked` only, the candidates are those with a live
 * supplier-wide signal of a type that can block (blockingSignalTypes): a unit's signal and
 * a linked supplier's block make a supplier at most `caution`.
 *
 * One statement over the live signals (their partial indexes) and the active links,
 * whatever the history; the suppliers are then walked by primary key until `limit` match.
 */
export function createFlaggedRepository(db: Db) {
  return {
    candidates: async (
      principal: Principal,
      filter: { after: string; blockedOnly: boolean; agreementCategory?: AgreementCategory | undefined; limit: number },
    ): Promise<FlaggedCandidate[]> => {
      const visibility = visibleTo(principal);
      const afterCursor = (column: SQL) => sql`${column} > ${filter.after}`;
      const own = db
        .selectDistinct({ orgNumber: signals.supplierOrgNumber })
        .from(signals)
        .where(
          and(
            live,
            visibility,
            gt(signals.supplierOrgNumber, filter.after),
            filter.blockedOnly ? and(inArray(signals.type, [...blockingSignalTypes]), isNull(signals.unitId)) : undefined,
          ),
        );
      const throughLinks = db
        .selectDistinct({ orgNumber: sql<string>`n.asked` })
        .from(linkNeighbours(afterCursor))
        .innerJoin(signals, linkedSignalOn(visibility));
      const inCategory = filter.agreementCategory
        ? inArray(
            suppliers.orgNumber,
            db
              .select({ orgNumber: agreementSuppliers.supplierOrgNumber })
              .from(agreementSuppliers)
              .innerJoin(agreements, eq(agreements.id, agreementSuppliers.agreementId))
              .where(eq(agreements.category, filter.agreementCategory)),
          )
        : undefined;
      return db
        .select({ orgNumber: suppliers.orgNumber, name: suppliers.name, soleTrader: suppliers.soleTrader })
        .from(suppliers)
        .where(
          and(
            gt(suppliers.orgNumber, filter.after),
            filter.blockedOnly ? inArray(suppliers.orgNumber, own) : sql`(${inArray(suppliers.orgNumber, own)} OR ${inArray(suppliers.orgNumber, throughLinks)})`,
            inCategory,
          ),
        )
        .orderBy(asc(suppliers.orgNumber))
        .limit(filter.limit);
    },
  };
}

export type FlaggedRepository = ReturnType<typeof createFlaggedRepository>;
