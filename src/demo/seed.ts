import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { signDevToken } from '../lib/dev-token.ts';
import { formatOrgNumber, withLuhnDigit } from '../lib/identity-numbers.ts';

/**
 * A small, realistic and clearly fictional registry for trying the service: a
 * purchasing centre, a federation with three member municipalities, one more
 * municipality, an auditor, 30 invented suppliers with units, agreements in every
 * category, a spread of signals and a few follow-up records. Every name is invented;
 * the kommunkoder 99xx belong to no real municipality. Written through the API, so it
 * is validated and audited like any other write.
 */
export const demoOrganisations = [
  { id: 'demo-inkop', kind: 'purchasing_centre', name: 'Demo Inköpscentral (fiktiv)', scope: 'registry:read signals:write subscriptions:manage' },
  { id: 'demo-forbundet', kind: 'federation', name: 'Demoförbundet (fiktivt kommunförbund)', scope: 'registry:read signals:write subscriptions:manage' },
  { id: 'alvby', kind: 'municipality', name: 'Älvby kommun (fiktiv)', municipalityCode: '9901', federationId: 'demo-forbundet', scope: 'registry:read signals:write subscriptions:manage audit:read' },
  { id: 'granfors', kind: 'municipality', name: 'Granfors kommun (fiktiv)', municipalityCode: '9902', federationId: 'demo-forbundet', scope: 'registry:read signals:write subscriptions:manage' },
  { id: 'sjoviken', kind: 'municipality', name: 'Sjövikens kommun (fiktiv)', municipalityCode: '9903', federationId: 'demo-forbundet', scope: 'registry:read signals:write subscriptions:manage' },
  { id: 'norrmark', kind: 'municipality', name: 'Norrmarks kommun (fiktiv)', municipalityCode: '9904', scope: 'registry:read signals:write subscriptions:manage' },
  { id: 'demo-revision', kind: 'auditor', name: 'Demorevisionen (fiktiv)', scope: 'registry:read audit:read' },
  // The supplier under the purchasing centre's stop, answering for its own number (README, "The supplier's reply").
  { id: 'bjorkgarden', kind: 'supplier', name: 'Björkgården Omsorg AB (fiktiv leverantör)', scope: 'registry:read signals:write' },
] as const;

const places = ['Björk', 'Ek', 'Gran', 'Lind', 'Sol', 'Tall', 'Ask', 'Hägg', 'Rönn', 'Sälg'];
const endings = ['gården', 'backen', 'udden'];
const forms = ['Omsorg AB', 'HVB AB', 'Familjehem AB'];
const categories = ['hvb_children', 'family_home_agency', 'supported_housing_adults', 'supported_housing_youth', 'protected_housing', 'hvb_adults_substance', 'gambling_addiction'];
const deviationCategories = ['staffing', 'premises', 'care_plan', 'reporting', 'whistleblower_freedom', 'substances', 'safety', 'finances', 'other'];

/** The 30 demo suppliers: invented names and valid organisationsnummer (Luhn, digits 3–4 ≥ 20). */
export const demoSuppliers = Array.from({ length: 30 }, (_, i) => {
  const digits = withLuhnDigit(`55${String(90 + (i % 10)).padStart(2, '0')}${String(1000 + i * 37).padStart(5, '0')}`);
  return {
    orgNumber: formatOrgNumber(digits),
    name: `${places[i % 10]}${endings[Math.floor(i / 10)]} ${forms[i % 3]} (fiktivt)`,
    units: Array.from({ length: 1 + (i % 3) }, (_, u) => ({ name: `${places[i % 10]}${endings[Math.floor(i / 10)]} ${['norra', 'södra', 'östra'][u]}`, kind: i % 3 === 2 ? 'family_home' : 'hvb' })),
  };
});

/** Tokens for the demo organisations, living as long as the registry accepts (MAX_TOKEN_LIFETIME). */
export function demoTokens(config: Config, ttlMs = config.MAX_TOKEN_LIFETIME) {
  return Object.fromEntries([
    [config.OPERATOR_ORG_ID, signDevToken(config, { org: config.OPERATOR_ORG_ID, scope: 'registry:read admin audit:read' }, ttlMs)],
    ...demoOrganisations.map((o) => [o.id, signDevToken(config, { org: o.id, scope: o.scope }, ttlMs)]),
  ]) as Record<string, string>;
}

/** Seeds the demo registry when only the operator exists; returns whether it did. */
export async function seedDemoIfEmpty(app: FastifyInstance, config: Config): Promise<boolean> {
  // The ~150 seed requests, each logged at info, would bury the banner with the tokens.
  const level = app.log.level;
  if (['trace', 'debug', 'info'].includes(level)) app.log.level = 'warn';
  try {
    return await seed(app, config);
  } finally {
    app.log.level = level;
  }
}

async function seed(app: FastifyInstance, config: Config): Promise<boolean> {
  const tokens = demoTokens(config, 600_000);
  const call = async (as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[as]}` } });
    if (res.statusCode >= 300) throw new Error(`demo seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const existing = await call(config.OPERATOR_ORG_ID, 'GET', '/v1/organisations');
  if (existing.items.length > 1) return false;

  for (const { scope: _, ...org } of demoOrganisations) await call(config.OPERATOR_ORG_ID, 'POST', '/v1/organisations', org);
  for (const [i, s] of demoSuppliers.entries()) {
    await call(i % 2 ? 'alvby' : 'demo-inkop', 'PUT', `/v1/suppliers/${s.orgNumber}`, { name: s.name, units: s.units });
  }
  const agreements: string[] = [];
  for (const [i, category] of categories.entries()) {
    const a = await call('demo-inkop', 'POST', '/v1/agreements', { name: `Ramavtal ${category.replaceAll('_', ' ')} 2026 (demo)`, category, validFrom: '2026-01-01', validUntil: '2029-12-31' });
    agreements.push(a.id);
    for (let k = 0; k < 6; k++) await call('demo-inkop', 'PUT', `/v1/agreements/${a.id}/suppliers/${demoSuppliers[(i * 4 + k) % 30]!.orgNumber}`);
  }
  const own = await call('demo-forbundet', 'POST', '/v1/agreements', { name: 'Förbundets HVB-avtal (demo)', category: 'hvb_children', validFrom: '2025-07-01' });
  await call('demo-forbundet', 'PUT', `/v1/agreements/${own.id}/suppliers/${demoSuppliers[5]!.orgNumber}`);

  const post = (as: string, body: object) => call(as, 'POST', '/v1/signals', body);
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
  const sup = (i: number) => demoSuppliers[i]!.orgNumber;
  // A municipality's tip to the purchasing centre (read by the two of them and auditors only),
  // and the purchasing centre's stop that names it as what led to it.
  const tip = await post('alvby', {
    type: 'deviation',
    supplierOrgNumber: sup(0),
    severity: 'high',
    category: 'staffing',
    summary: 'Uppgifter från personal om att nattbemanningen saknas flera nätter i veckan.',
    recipientOrgId: 'demo-inkop',
  });
  // Call-off stops: one by the purchasing centre on its agreement (blocks everyone), one by the federation, one municipality's own pause.
  const stop = await post('demo-inkop', {
    type: 'call_off_stop',
    supplierOrgNumber: sup(0),
    agreementId: agreements[0],
    summary: 'Avropsstopp i väntan på utredning av bemanning nattetid.',
    reference: 'DI-2026-0142',
    ground: 'under_investigation',
    relatedSignalIds: [tip.id],
  });
  // The supplier's reply: the operator links its organisation to its number, and it disputes the stop.
  await call(config.OPERATOR_ORG_ID, 'POST', '/v1/organisations/bjorkgarden/represented-numbers', { orgNumber: sup(0), reason: 'Firmatecknare kontrollerad mot Bolagsverket (demo).' });
  await call('bjorkgarden', 'POST', `/v1/signals/${stop.id}/replies`, {
    text: 'Vi bestrider att nattbemanningen saknats: schemat för de senaste fyra veckorna visar två vakna nattpersonal varje natt och har skickats till inköpscentralen.',
    disputed: true,
  });
  await post('demo-forbundet', { type: 'call_off_stop', supplierOrgNumber: sup(5), agreementId: own.id, summary: 'Avropsstopp efter upprepade avvikelser i genomförandeplaner.', ground: 'quality' });
  await post('norrmark', { type: 'call_off_stop', supplierOrgNumber: sup(7), summary: 'Kommunens egen avropspaus under pågående uppföljning.', ground: 'under_investigation' });
  // A stop that was lifted, a termination, IVO decisions, a financial warning.
  const lifted = await post('demo-inkop', { type: 'call_off_stop', supplierOrgNumber: sup(1), agreementId: agreements[0], summary: 'Tillfälligt avropsstopp under ägarbyte.' });
  await call('demo-inkop', 'POST', `/v1/signals/${lifted.id}/lift`, { reason: 'Ägarbytet godkänt och uppföljning genomförd utan anmärkning.' });
  await post('granfors', { type: 'termination', supplierOrgNumber: sup(9), summary: 'Avtalet hävt efter väsentligt avtalsbrott (bemanning).', terminationKind: 'rescission', ground: 'breach_of_contract', effectiveFrom: daysAgo(20) });
  await post('demo-inkop', { type: 'termination', supplierOrgNumber: sup(11), agreementId: agreements[2], summary: 'Leverantören uppsagd från ramavtalet efter utebliven rättelse.', reference: 'DI-2026-0217', terminationKind: 'notice', ground: 'quality', effectiveFrom: daysAgo(5) });
  // A pause whose effective period has ended: it reads as expired and no longer blocks.
  await post('norrmark', { type: 'call_off_stop', supplierOrgNumber: sup(3), summary: 'Avropspaus under utredning av klagomål, som avslutades utan anmärkning.', effectiveFrom: daysAgo(120), effectiveUntil: daysAgo(60) });
  await post('alvby', { type: 'ivo_injunction', supplierOrgNumber: sup(12), summary: 'IVO har förelagt verksamheten att åtgärda brister i basbemanningen.', reference: '3.5.1-40311/2026', decisionDate: daysAgo(40).slice(0, 10), effectiveFrom: daysAgo(40) });
  await post('demo-inkop', { type: 'permit_revoked', supplierOrgNumber: sup(14), summary: 'IVO har återkallat tillståndet för verksamheten.', reference: '3.5.1-38870/2026', decisionDate: daysAgo(10).slice(0, 10), effectiveFrom: daysAgo(10) });
  await post('sjoviken', { type: 'financial_warning', supplierOrgNumber: sup(16), summary: 'Kreditupplysning visar betalningsanmärkningar och skatteskuld.' });
  // Deviations of every severity and category, some old, one restricted to the issuer and auditors.
  const deviations: Array<{ id: string }> = [];
  for (let i = 0; i < 12; i++) {
    deviations[i] = await post(['alvby', 'granfors', 'sjoviken', 'norrmark'][i % 4]!, {
      type: 'deviation',
      supplierOrgNumber: sup(17 + (i % 10)),
      severity: ['low', 'medium', 'high', 'critical'][i % 4],
      category: deviationCategories[i % 9],
      summary: `Uppföljning visade brister (${deviationCategories[i % 9]!.replaceAll('_', ' ')}).`,
      effectiveFrom: daysAgo(i * 45),
      ...(i === 3 ? { visibility: 'issuer_and_auditors' } : {}),
    });
  }
  // Linked companies: Björkudden is the parent of Björkgården (under the purchasing centre's stop) and
  // of Björkbacken, so Björkbacken reads `caution` as Björkgården's sister company, and Björkudden as its parent.
  for (const child of [sup(0), sup(10)]) {
    await call('alvby', 'POST', '/v1/supplier-links', { kind: 'group', fromOrgNumber: sup(20), toOrgNumber: child, reason: 'Helägt dotterbolag enligt Bolagsverket (demo).' });
  }
  const retracted = await post('granfors', { type: 'deviation', supplierOrgNumber: sup(20), severity: 'high', category: 'premises', summary: 'Brandskyddet bedömdes bristfälligt.' });
  await call('granfors', 'POST', `/v1/signals/${retracted.id}/retract`, { reason: 'Registrerad på fel leverantör.' });
  // Follow-up records (uppföljning): checks that found nothing, and the visit behind Älvby's first deviation. None changes a status.
  const record = (as: string, body: object) => call(as, 'POST', '/v1/follow-ups', body);
  const dayAgo = (d: number) => daysAgo(d).slice(0, 10);
  await record('alvby', { supplierOrgNumber: sup(2), kind: 'ivo_register', checkedOn: dayAgo(30), outcome: 'no_remarks', note: 'Tillståndet finns i IVO:s register och gäller avtalade platser; inga pågående ärenden.' });
  await record('alvby', { supplierOrgNumber: sup(17), kind: 'unannounced_visit', checkedOn: dayAgo(1), outcome: 'deviation', deviationSignalId: deviations[0]!.id, note: 'Oanmält besök kvällstid.' });
  await record('granfors', { supplierOrgNumber: sup(4), kind: 'credit_check', checkedOn: dayAgo(12), outcome: 'no_remarks' });
  await record('demo-inkop', { supplierOrgNumber: sup(0), kind: 'document_review', checkedOn: dayAgo(3), outcome: 'no_remarks', visibility: 'issuer_and_auditors', note: 'Bemanningsscheman för fyra veckor granskade inför beslut om avropsstoppet.' });
  return true;
}
