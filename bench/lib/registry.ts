import { withLuhnDigit } from '../../src/lib/identity-numbers.ts';
import { type Api, OPERATOR } from './cluster.ts';

/**
 * The i-th benchmark organisationsnummer (10 digits, no dash): `series` (two digits),
 * digits 3–4 from 20 to 99 (a legal entity, never a personnummer), five digits of
 * counter, Luhn check digit. Distinct for i below 8,000,000 within one series.
 */
export function orgNumber(i: number, series = 55): string {
  const d34 = 20 + (Math.floor(i / 100_000) % 80);
  return withLuhnDigit(`${series}${d34}${String(i % 100_000).padStart(5, '0')}`);
}

export const dashed = (n: string) => `${n.slice(0, 6)}-${n.slice(6)}`;

export const PURCHASING_CENTRE = 'bench-inkop';

export interface Member {
  id: string;
  kind: 'municipality' | 'federation';
  municipalityCode?: string;
  federationId?: string;
}

/**
 * `count` subscribing organisations in the shape of Sweden: blocks of 31, two
 * federations and 29 municipalities each (so 310 is 20 federations and 290
 * municipalities), municipalities with distinct 4-digit codes, two in three members
 * of a federation created before them. Deterministic and prefix-stable: members(310)
 * is the start of members(3000).
 */
export function members(count: number): Member[] {
  const out: Member[] = [];
  let federations = 0;
  let municipalities = 0;
  for (let i = 0; i < count; i++) {
    if (i % 31 < 2) {
      out.push({ id: `bench-forbund-${federations++}`, kind: 'federation' });
      continue;
    }
    const m = municipalities++;
    const federation = m % 3 === 2 ? undefined : `bench-forbund-${m % federations}`;
    out.push({ id: `bench-kommun-${m}`, kind: 'municipality', municipalityCode: String(1000 + m), ...(federation ? { federationId: federation } : {}) });
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Creates organisations through the operator (POST /v1/organisations); existing ones are skipped. */
export async function createOrganisations(api: Api, orgs: Array<{ id: string; kind: string; name?: string; municipalityCode?: string; federationId?: string }>) {
  // Federations before their members.
  const ordered = [...orgs.filter((o) => o.kind !== 'municipality'), ...orgs.filter((o) => o.kind === 'municipality')];
  const firstWave = ordered.filter((o) => o.kind !== 'municipality');
  const secondWave = ordered.filter((o) => o.kind === 'municipality');
  for (const wave of [firstWave, secondWave]) {
    await mapLimit(wave, 8, async (o) => {
      await api.must('POST', '/v1/organisations', OPERATOR, { name: `${o.id} (benchmark)`, ...o }, [201, 409]);
    });
  }
}

/** The purchasing centre and its framework agreement (ramavtal); returns the agreement id. */
export async function createPurchasingCentre(api: Api): Promise<string> {
  await createOrganisations(api, [{ id: PURCHASING_CENTRE, kind: 'purchasing_centre', name: 'Bench Inköpscentral' }]);
  const agreement = await api.must(
    'POST',
    '/v1/agreements',
    PURCHASING_CENTRE,
    { name: 'HVB barn och unga (benchmark)', category: 'hvb_children', validFrom: '2025-01-01' },
    [201],
  );
  return agreement.id as string;
}

/** Registers suppliers through the API and makes them parties to the agreement. */
export async function createSuppliersViaApi(api: Api, numbers: string[], agreementId: string | null) {
  await mapLimit(numbers, 8, async (n, i) => {
    await api.must('PUT', `/v1/suppliers/${dashed(n)}`, PURCHASING_CENTRE, { name: `Bänkgården ${i} Omsorg AB` }, [200, 201]);
    if (agreementId) await api.must('PUT', `/v1/agreements/${agreementId}/suppliers/${dashed(n)}`, PURCHASING_CENTRE, undefined, [200, 201, 204]);
  });
}
