import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type Organisation, organisations } from './organisations.table.ts';

export function createOrganisationRepository(db: Db) {
  return {
    findById: async (id: string): Promise<Organisation | undefined> =>
      (await db.select().from(organisations).where(eq(organisations.id, id)).limit(1))[0],

    list: (): Promise<Organisation[]> => db.select().from(organisations).orderBy(asc(organisations.id)),

    /** Inserts unless the id exists; returns the row or undefined when it existed. */
    insert: async (row: typeof organisations.$inferInsert, tx: Db | Tx = db): Promise<Organisation | undefined> =>
      (await tx.insert(organisations).values(row).onConflictDoNothing().returning())[0],
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
