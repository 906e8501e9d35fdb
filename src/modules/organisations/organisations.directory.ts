import type { Organisation } from './organisations.table.ts';

/** The organisations matching an event needs to know: issuers (kind, kommunkod) and federations' members. */
export interface OrganisationDirectory {
  get(id: string): Organisation | undefined;
  membersOf(federationId: string): readonly Organisation[];
}

/** A directory over organisation rows (the organisations repository's `directory` reads them). */
export function organisationDirectory(rows: readonly Organisation[]): OrganisationDirectory {
  const byId = new Map(rows.map((o) => [o.id, o]));
  const members = new Map<string, Organisation[]>();
  for (const o of rows) if (o.federationId) members.set(o.federationId, [...(members.get(o.federationId) ?? []), o]);
  return { get: (id) => byId.get(id), membersOf: (id) => members.get(id) ?? [] };
}
