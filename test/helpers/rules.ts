import type { Organisation } from '../../src/modules/organisations/organisations.table.ts';
import type { LinkedSignal, LiveSignal } from '../../src/modules/status/status.repository.ts';

/*
 * Plain values for the unit tests of the pure rules (status, visibility, subscription
 * matching): an organisation as the token look-up reads it, and a live signal as the status
 * statements read it, with what a test does not care about filled in.
 */

export const org = (id: string, kind: Organisation['kind'], extra: Partial<Organisation> | string | null = null): Organisation => ({
  id,
  kind,
  name: id,
  municipalityCode: null,
  federationId: null,
  createdAt: new Date(0),
  suspendedAt: null,
  // A string (or null) is the federation, the common case.
  ...(typeof extra === 'string' || extra === null ? { federationId: extra } : extra),
});

/**
 * The standard cast of the rule tests: a purchasing centre, a federation with two member
 * municipalities, a municipality outside it, an auditor, the operator and a supplier's own
 * organisation.
 */
export const ruleCast = {
  adda: org('adda', 'purchasing_centre'),
  kfv: org('kfv', 'federation'),
  sundsvall: org('sundsvall', 'municipality', { municipalityCode: '2281', federationId: 'kfv' }),
  timra: org('timra', 'municipality', { municipalityCode: '2262', federationId: 'kfv' }),
  umea: org('umea', 'municipality', { municipalityCode: '2480' }),
  revisor: org('revisor', 'auditor'),
  registry: org('registry', 'operator'),
  vardbolaget: org('vardbolaget', 'supplier'),
};

/** A live signal of `type` by an issuer (id and kind), the rest as given. */
export const liveSignal = (type: LiveSignal['type'], issuer: Pick<Organisation, 'id' | 'kind'>, more: Partial<LiveSignal> = {}): LiveSignal => ({
  id: `${type}-${issuer.id}`,
  version: 1,
  type,
  supplierOrgNumber: '5560000001',
  unitId: null,
  agreementId: null,
  issuerOrgId: issuer.id,
  issuerKind: issuer.kind,
  severity: type === 'deviation' ? 'high' : null,
  visibility: 'members',
  summary: `${type} by ${issuer.id}`,
  effectiveFrom: new Date(0),
  effectiveUntil: null,
  ...more,
});

/** A linked supplier's live signal, reached from 5560000001 through a sister company. */
export const linkedSignal = (type: LiveSignal['type'], issuer: Pick<Organisation, 'id' | 'kind'>, more: Partial<LinkedSignal> = {}): LinkedSignal => ({
  ...liveSignal(type, issuer, { supplierOrgNumber: '5560000002' }),
  askedOrgNumber: '5560000001',
  linkedOrgNumber: '5560000002',
  linkRelation: 'sister',
  linkKind: 'group',
  linkIds: ['link-1', 'link-2'],
  linkedSoleTrader: false,
  ...more,
});
