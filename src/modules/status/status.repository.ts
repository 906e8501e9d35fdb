import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../plugins/auth.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { signals } from '../signals/signals.table.ts';
import { visibleTo } from '../signals/signals.visibility.ts';

/**
 * The signals that can decide a supplier's status right now, by the database
 * clock: active, in effect, visible to the caller, and — for deviations — high or
 * critical within the last 12 months. Uses the partial index on active signals.
 * Nothing is cached (design.md invariant 2).
 */
export function createStatusRepository(db: Db) {
  return {
    liveSignals: async (principal: Principal, orgNumbers: string[]) => {
      const rows = await db
        .select({
          id: signals.id,
          type: signals.type,
          supplierOrgNumber: signals.supplierOrgNumber,
          unitId: signals.unitId,
          agreementId: signals.agreementId,
          issuerOrgId: signals.issuerOrgId,
          issuerKind: organisations.kind,
          severity: signals.severity,
          summary: signals.summary,
          effectiveFrom: signals.effectiveFrom,
          effectiveUntil: signals.effectiveUntil,
          asOf: sql<string>`now()`.mapWith((v: string | Date) => new Date(v)),
        })
        .from(signals)
        .innerJoin(organisations, eq(organisations.id, signals.issuerOrgId))
        .where(
          and(
            orgNumbers.length === 1 ? eq(signals.supplierOrgNumber, orgNumbers[0]!) : inArray(signals.supplierOrgNumber, orgNumbers),
            eq(signals.status, 'active'),
            sql`${signals.effectiveFrom} <= now()`,
            sql`(${signals.effectiveUntil} IS NULL OR ${signals.effectiveUntil} > now())`,
            sql`(${signals.type} <> 'deviation' OR (${signals.severity} IN ('high', 'critical') AND ${signals.effectiveFrom} > now() - interval '12 months'))`,
            visibleTo(principal),
          ),
        )
        .orderBy(desc(signals.effectiveFrom), desc(signals.id));
      return rows;
    },

    now: async (): Promise<Date> => {
      const [row] = await db.select({ now: sql<string | Date>`now()` }).from(sql`(SELECT 1) AS one`);
      return new Date(row!.now);
    },
  };
}

export type StatusRepository = ReturnType<typeof createStatusRepository>;
export type LiveSignal = Awaited<ReturnType<StatusRepository['liveSignals']>>[number];
