import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, deviation, newOrgNumber, seedCast } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';
import { logDigestOf, signReceipt } from '../src/modules/receipts/receipts.signature.ts';
import type { SupplierReceipt } from '../src/modules/receipts/receipts.schemas.ts';

/**
 * The authorisation matrix: route × calling organisation × token scope → answer.
 * Refusals prove the route rules (scope, organisation kind) and the object rules
 * (whose signal, whose agreement, whose subscription, who may see what); the rows
 * that succeed show what IS allowed. Every refused write is read back afterwards to
 * show it changed nothing.
 */

const OPERATOR = 'registry';
const { adda, kfv, sundsvall, timra, umea, revisor } = Object.fromEntries(Object.entries(cast).map(([k, v]) => [k, v.id])) as Record<
  keyof typeof cast,
  string
>;

// Names the rows use; filled in beforeAll and substituted for {name} in urls and payloads.
const fx: Record<string, string> = {
  // Fresh supplier numbers for the rows that register suppliers.
  newSupplierSundsvall: newOrgNumber(),
  newSupplierAdda: newOrgNumber(),
  newSupplierKfv: newOrgNumber(),
  refusedSupplier: newOrgNumber(),
  adda: cast.adda.id,
  // Created by the matrix's first row; suspended, resumed and one client revoked by later rows.
  nyInkop: 'ny-inkop',
  // A supplier organisation answering for {supplier} (README, "The supplier's reply"), and a member that is not one.
  vardbolaget: 'vardbolaget',
  sundsvall: cast.sundsvall.id,
  // A municipality the membership rows create in kfv and take out of it.
  nyKommun: 'ny-kommun',
  kfv: cast.kfv.id,
};
const VARDBOLAGET = 'vardbolaget';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Row {
  method: Method;
  url: string;
  as: string;
  /** The token's scope; the helper's default (every scope the kind normally has) when absent. */
  scope?: string;
  payload?: unknown;
  status: number;
  code?: string;
  /** A signal (fixture name) a refused write must leave exactly as it was. */
  unchanged?: string;
  /**
   * The rule let the caller through and the route answered on what it was sent (a 400 or
   * 404 that only an admitted caller can reach): counts as the operation's allowed row
   * where a 2xx would need a witness's private key or a checkpoint of a size known in advance.
   */
  admitted?: true;
}

const fill = <T>(value: T): T => {
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in fx)) throw new Error(`no fixture ${name}`);
    return fx[name]!;
  }) as T;
  if (Array.isArray(value)) return value.map(fill) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)])) as T;
  return value;
};

const followUp = (supplier = '{supplier}', extra: Record<string, unknown> = {}) => ({
  supplierOrgNumber: supplier,
  kind: 'unannounced_visit',
  checkedOn: '2026-01-15',
  outcome: 'no_remarks',
  ...extra,
});
const amend = { reason: 'Ny uppgift.', summary: 'Ändrad av någon annan.', severity: 'critical' };
const reason = { reason: 'Någon annans beslut.' };
const agreementBody = { name: 'Stödboende 2026', category: 'supported_housing_youth', validFrom: '2026-01-01' };
const org = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'purchasing_centre', name: `Ny organisation ${id}`, ...extra });

// A well-formed receipt signed with a key that is not the registry's: verifying it is allowed and answers valid: false.
const strayReceipt = (() => {
  const unlogged: Omit<SupplierReceipt, 'log'> = {
    type: 'supplier-status-receipt',
    version: 1,
    id: '01900000-0000-7000-8000-000000000001',
    issuedAt: '2026-05-04T08:15:00.123Z',
    question: { orgNumber: '559001-0004', unitId: null, askedBy: 'umea', purpose: 'placement', caseReference: null },
    answer: { status: 'clear', reasons: [], units: [] },
    asOf: '2026-05-04T08:15:00.120Z',
  };
  return signReceipt(generateKeyPairSync('ed25519').privateKey, { ...unlogged, log: { position: 1, digest: logDigestOf(unlogged) } });
})();

const NO_READ = 'signals:write subscriptions:manage audit:read';
const NO_WRITE = 'registry:read subscriptions:manage audit:read';
const NO_MANAGE = 'registry:read signals:write audit:read';
const NO_AUDIT = 'registry:read signals:write subscriptions:manage';
const WRITER = 'registry:read signals:write'; // scope given to auditors and operators, to show the kind rule refuses them

const matrix: Row[] = [
  // ── organisations: only an operator with admin creates; anyone with registry:read reads
  { method: 'POST', url: '/v1/organisations', as: OPERATOR, payload: org('ny-inkop'), status: 201 },
  { method: 'POST', url: '/v1/organisations', as: OPERATOR, scope: 'registry:read audit:read', payload: org('utan-admin'), status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations', as: sundsvall, scope: 'admin registry:read', payload: org('fran-kommun'), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations', as: sundsvall, payload: org('fran-kommun'), status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations', as: revisor, scope: 'admin', payload: org('fran-revisor'), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations', as: adda, scope: 'admin', payload: org('fran-adda'), status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/organisations', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/organisations', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/organisations', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/organisations', as: sundsvall, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/organisations/{adda}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/organisations/{adda}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/organisations/{adda}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  // ── shutting out (ny-inkop, created above): the operator with admin only
  { method: 'POST', url: '/v1/organisations/{nyInkop}/suspend', as: sundsvall, scope: 'admin registry:read', payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/suspend', as: OPERATOR, scope: 'registry:read audit:read', payload: reason, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/suspend', as: OPERATOR, payload: reason, status: 200 },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/resume', as: revisor, scope: 'admin audit:read', payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/resume', as: OPERATOR, payload: reason, status: 200 },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/revoked-clients', as: adda, scope: 'admin', payload: { sub: 'ny-inkop-client', reason: 'Läckt.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyInkop}/revoked-clients', as: OPERATOR, payload: { sub: 'ny-inkop-client', reason: 'Läckt.' }, status: 201 },
  { method: 'GET', url: '/v1/organisations/{nyInkop}/revoked-clients', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/organisations/{nyInkop}/revoked-clients', as: revisor, scope: 'admin audit:read', status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/organisations/{nyInkop}/revoked-clients', as: umea, status: 403, code: 'auth.missing_scope' },
  // ── federation membership: the operator with admin changes it; the history for the municipality, its federations, the operator and auditors; members for the federation, the operator and auditors
  { method: 'POST', url: '/v1/organisations', as: OPERATOR, payload: { id: 'ny-kommun', kind: 'municipality', name: 'Ny kommun', municipalityCode: '9990', federationId: 'kfv' }, status: 201 },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: 'ny-kommun', payload: { federationId: null, reason: 'Vi går ur.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: 'ny-kommun', scope: 'admin registry:read', payload: { federationId: null, reason: 'Vi går ur.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: kfv, scope: 'admin registry:read', payload: { federationId: null, reason: 'Utesluten.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: revisor, scope: 'admin audit:read', payload: { federationId: null, reason: 'Granskning.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: OPERATOR, scope: 'registry:read audit:read', payload: { federationId: null, reason: 'Utan admin.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: OPERATOR, payload: { federationId: null, reason: 'Utträde beslutat.' }, status: 200 },
  { method: 'POST', url: '/v1/organisations/{nyKommun}/federation', as: OPERATOR, payload: { federationId: null, reason: 'Igen.' }, status: 409, code: 'organisations.federation_unchanged' },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: 'ny-kommun', status: 200 },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: kfv, status: 200 },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: umea, status: 403, code: 'organisations.membership_history_forbidden' },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: adda, status: 403, code: 'organisations.membership_history_forbidden' },
  { method: 'GET', url: '/v1/organisations/{nyKommun}/federation-history', as: 'ny-kommun', scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: kfv, status: 200 },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: sundsvall, status: 403, code: 'organisations.members_forbidden' },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: adda, status: 403, code: 'organisations.members_forbidden' },
  { method: 'GET', url: '/v1/organisations/{kfv}/members', as: kfv, scope: NO_READ, status: 403, code: 'auth.missing_scope' },

  // ── suppliers: members write, everyone with registry:read reads
  { method: 'PUT', url: '/v1/suppliers/{newSupplierSundsvall}', as: sundsvall, payload: { name: 'Ny Omsorg AB' }, status: 201 },
  { method: 'PUT', url: '/v1/suppliers/{newSupplierAdda}', as: adda, payload: { name: 'Adda Omsorg AB' }, status: 201 },
  { method: 'PUT', url: '/v1/suppliers/{newSupplierKfv}', as: kfv, payload: { name: 'Förbundets Omsorg AB' }, status: 201 },
  { method: 'PUT', url: '/v1/suppliers/{refusedSupplier}', as: revisor, scope: WRITER, payload: { name: 'Revisorns AB' }, status: 403, code: 'auth.forbidden' },
  { method: 'PUT', url: '/v1/suppliers/{refusedSupplier}', as: OPERATOR, scope: WRITER, payload: { name: 'Operatörens AB' }, status: 403, code: 'auth.missing_scope' },
  { method: 'PUT', url: '/v1/suppliers/{refusedSupplier}', as: OPERATOR, payload: { name: 'Operatörens AB' }, status: 403, code: 'suppliers.operator_cannot_register' },
  // A registered supplier's name and units: its registrant (sundsvall), the owner of an agreement it is party to (kfv) and the operator.
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: sundsvall, payload: { name: 'Ägarens Hem 2 AB' }, status: 422, code: 'suppliers.reason_required' },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: sundsvall, payload: { name: 'Ägarens Hem 2 AB', reason: 'Namnbyte.' }, status: 200 },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: kfv, payload: { name: 'Ägarens Hem 3 AB', reason: 'Enligt avtalet.' }, status: 200 },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: OPERATOR, payload: { name: 'Ägarens Hem 4 AB', reason: 'Support.' }, status: 200 },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: umea, payload: { name: 'Umeås namn AB', reason: 'Vi vet bättre.' }, status: 403, code: 'suppliers.not_owner' },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: timra, payload: { name: 'Timrås namn AB', reason: 'Vi vet bättre.' }, status: 403, code: 'suppliers.not_owner' },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: adda, payload: { name: 'Addas namn AB', reason: 'Inte vårt avtal.' }, status: 403, code: 'suppliers.not_owner' },
  { method: 'PUT', url: '/v1/suppliers/{owned}', as: umea, payload: { name: 'Ägarens Hem 4 AB', units: [{ name: 'Umeås hem' }], reason: 'Nytt hem.' }, status: 403, code: 'suppliers.not_owner' },
  { method: 'PUT', url: '/v1/suppliers/{refusedSupplier}', as: umea, scope: NO_WRITE, payload: { name: 'Utan skrivrätt AB' }, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/suppliers/{refusedSupplier}', as: umea, status: 404, code: 'suppliers.not_found' },
  { method: 'GET', url: '/v1/suppliers/{supplier}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/suppliers', as: umea, status: 200 },
  { method: 'GET', url: '/v1/suppliers', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  // ── a supplier organisation's numbers: the operator draws and ends them; it, the operator and auditors read them
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: OPERATOR, payload: { orgNumber: '{outsider}', reason: 'Firmatecknare kontrollerad.' }, status: 201 },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: sundsvall, scope: 'admin registry:read', payload: { orgNumber: '{owned}', reason: 'Egen.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: VARDBOLAGET, scope: 'admin registry:read', payload: { orgNumber: '{owned}', reason: 'Egen.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: OPERATOR, scope: 'registry:read audit:read', payload: { orgNumber: '{owned}', reason: 'Egen.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations/{sundsvall}/represented-numbers', as: OPERATOR, payload: { orgNumber: '{owned}', reason: 'Fel slag.' }, status: 422, code: 'representations.not_a_supplier' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: OPERATOR, payload: { orgNumber: '{supplier}', reason: 'Igen.' }, status: 409, code: 'representations.taken' },
  { method: 'GET', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: VARDBOLAGET, status: 200 },
  { method: 'GET', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: umea, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/organisations/{vardbolaget}/represented-numbers', as: VARDBOLAGET, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers/{outsider}/end', as: revisor, scope: 'admin audit:read', payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers/{outsider}/end', as: VARDBOLAGET, scope: 'admin', payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers/{outsider}/end', as: OPERATOR, payload: { reason: 'Avtalet upphörde.' }, status: 200 },
  { method: 'POST', url: '/v1/organisations/{vardbolaget}/represented-numbers/{outsider}/end', as: OPERATOR, payload: { reason: 'Igen.' }, status: 404, code: 'representations.not_found' },
  // ── the supplier reads its own numbers' members signals and replies to them; nothing else
  { method: 'GET', url: '/v1/suppliers/{supplier}', as: VARDBOLAGET, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{owned}', as: VARDBOLAGET, status: 403, code: 'suppliers.not_represented' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}', as: VARDBOLAGET, status: 200 },
  { method: 'GET', url: '/v1/signals/{restricted}', as: VARDBOLAGET, status: 404, code: 'signals.not_found' },
  { method: 'POST', url: '/v1/signals/{addaDeviation}/replies', as: VARDBOLAGET, payload: { text: 'Bemanningen är åtgärdad.', disputed: true }, status: 201 },
  { method: 'POST', url: '/v1/signals/{addaDeviation}/replies', as: sundsvall, payload: { text: 'Vi svarar åt leverantören.' }, status: 403, code: 'auth.forbidden', unchanged: 'addaDeviation' },
  { method: 'POST', url: '/v1/signals/{addaDeviation}/replies', as: VARDBOLAGET, scope: NO_WRITE, payload: { text: 'Utan skrivrätt.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/signals/{restricted}/replies', as: VARDBOLAGET, payload: { text: 'Om en dold avvikelse.' }, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/replies', as: umea, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/replies', as: VARDBOLAGET, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/replies', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/signals/{restricted}/replies', as: umea, status: 404, code: 'signals.not_found' },

  // ── supplier links: members with signals:write draw them; the drawer or the operator ends one
  { method: 'POST', url: '/v1/supplier-links', as: timra, payload: { kind: 'group', fromOrgNumber: '{linkTo}', toOrgNumber: '{outsider}', reason: 'Koncern.' }, status: 201 },
  { method: 'POST', url: '/v1/supplier-links', as: revisor, scope: WRITER, payload: { kind: 'group', fromOrgNumber: '{supplier}', toOrgNumber: '{outsider}', reason: 'Koncern.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/supplier-links', as: OPERATOR, payload: { kind: 'group', fromOrgNumber: '{supplier}', toOrgNumber: '{outsider}', reason: 'Koncern.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/supplier-links', as: umea, scope: NO_WRITE, payload: { kind: 'group', fromOrgNumber: '{supplier}', toOrgNumber: '{outsider}', reason: 'Koncern.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/supplier-links/{link}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/supplier-links/{link}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/supplier-links/{link}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: umea, payload: reason, status: 403, code: 'supplier_links.not_owner' },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: adda, payload: reason, status: 403, code: 'supplier_links.not_owner' },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: revisor, scope: WRITER, payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: sundsvall, scope: NO_WRITE, payload: reason, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: sundsvall, payload: { reason: 'Felaktig koppling.' }, status: 200 },
  { method: 'POST', url: '/v1/supplier-links/{link}/end', as: sundsvall, payload: { reason: 'Igen.' }, status: 409, code: 'supplier_links.ended' },
  { method: 'POST', url: '/v1/supplier-links/{operatorEndsLink}/end', as: OPERATOR, payload: { reason: 'Supportärende.' }, status: 200 },

  // ── agreements: members create their own; only the owner adds parties
  { method: 'POST', url: '/v1/agreements', as: adda, payload: agreementBody, status: 201 },
  { method: 'POST', url: '/v1/agreements', as: sundsvall, payload: agreementBody, status: 201 },
  { method: 'POST', url: '/v1/agreements', as: kfv, payload: agreementBody, status: 201 },
  { method: 'POST', url: '/v1/agreements', as: revisor, scope: WRITER, payload: agreementBody, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/agreements', as: OPERATOR, scope: WRITER, payload: agreementBody, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/agreements', as: umea, scope: NO_WRITE, payload: agreementBody, status: 403, code: 'auth.missing_scope' },
  { method: 'PUT', url: '/v1/agreements/{addaAgreement}/suppliers/{outsider}', as: sundsvall, status: 403, code: 'agreements.not_owner' },
  { method: 'PUT', url: '/v1/agreements/{addaAgreement}/suppliers/{outsider}', as: kfv, status: 403, code: 'agreements.not_owner' },
  { method: 'PUT', url: '/v1/agreements/{addaAgreement}/suppliers/{outsider}', as: revisor, scope: WRITER, status: 403, code: 'auth.forbidden' },
  { method: 'PUT', url: '/v1/agreements/{addaAgreement}/suppliers/{outsider}', as: OPERATOR, scope: WRITER, status: 403, code: 'auth.forbidden' },
  { method: 'PUT', url: '/v1/agreements/{addaAgreement}/suppliers/{outsider}', as: adda, scope: NO_WRITE, status: 403, code: 'auth.missing_scope' },
  { method: 'PUT', url: '/v1/agreements/{kfvAgreement}/suppliers/{supplier}', as: adda, status: 403, code: 'agreements.not_owner' },
  { method: 'PUT', url: '/v1/agreements/{kfvAgreement}/suppliers/{supplier}', as: sundsvall, status: 403, code: 'agreements.not_owner' },
  { method: 'PUT', url: '/v1/agreements/{kfvAgreement}/suppliers/{supplier}', as: kfv, status: 201 },
  { method: 'PUT', url: '/v1/agreements/{kfvAgreement}/suppliers/{supplier}', as: kfv, status: 200 },
  { method: 'GET', url: '/v1/agreements', as: umea, status: 200 },
  { method: 'GET', url: '/v1/agreements', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/agreements', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/agreements/{addaAgreement}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/agreements/{addaAgreement}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },

  // ── posting signals: members only, with signals:write; stops and terminations under an agreement by its owner only
  { method: 'POST', url: '/v1/signals', as: kfv, payload: deviation('{supplier}'), status: 201 },
  { method: 'POST', url: '/v1/signals', as: sundsvall, payload: deviation('{supplier}'), status: 201 },
  { method: 'POST', url: '/v1/signals', as: adda, payload: deviation('{supplier}'), status: 201 },
  { method: 'POST', url: '/v1/signals', as: revisor, payload: deviation('{supplier}'), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/signals', as: revisor, scope: 'signals:write', payload: deviation('{supplier}'), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/signals', as: OPERATOR, scope: WRITER, payload: deviation('{supplier}'), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/signals', as: OPERATOR, payload: deviation('{supplier}'), status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/signals', as: sundsvall, scope: NO_WRITE, payload: deviation('{supplier}'), status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/signals', as: sundsvall, payload: { type: 'call_off_stop', supplierOrgNumber: '{supplier}', agreementId: '{addaAgreement}', summary: 'Inte er ramavtal.' }, status: 403, code: 'signals.not_agreement_owner' },
  { method: 'POST', url: '/v1/signals', as: kfv, payload: { type: 'call_off_stop', supplierOrgNumber: '{supplier}', agreementId: '{addaAgreement}', summary: 'Inte er ramavtal.' }, status: 403, code: 'signals.not_agreement_owner' },
  { method: 'POST', url: '/v1/signals', as: umea, payload: { type: 'termination', supplierOrgNumber: '{supplier}', agreementId: '{addaAgreement}', summary: 'Inte er ramavtal.' }, status: 403, code: 'signals.not_agreement_owner' },
  { method: 'POST', url: '/v1/signals', as: adda, payload: { type: 'call_off_stop', supplierOrgNumber: '{supplier}', summary: 'Utan ramavtal.' }, status: 422, code: 'signals.agreement_required' },
  { method: 'POST', url: '/v1/signals', as: adda, payload: { type: 'call_off_stop', supplierOrgNumber: '{supplier}', agreementId: '{addaAgreement}', summary: 'Avropsstopp.' }, status: 201 },
  { method: 'POST', url: '/v1/signals', as: sundsvall, payload: { type: 'call_off_stop', supplierOrgNumber: '{supplier}', summary: 'Sundsvalls egen avropspaus.' }, status: 201 },
  // A deviation may name someone else's agreement: only stops and terminations act on it.
  { method: 'POST', url: '/v1/signals', as: sundsvall, payload: deviation('{supplier}', { agreementId: '{addaAgreement}' }), status: 201 },

  // ── reading signals: members signals for everyone with registry:read
  { method: 'GET', url: '/v1/signals', as: umea, status: 200 },
  { method: 'GET', url: '/v1/signals', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/signals', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/versions', as: umea, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/versions', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  // ── reach: the issuer and auditors only; another member or the operator is told nothing (404)
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: adda, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: umea, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: kfv, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: OPERATOR, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{addaDeviation}/reach', as: adda, scope: NO_READ, status: 403, code: 'auth.missing_scope' },

  // ── issuer_and_auditors: the issuer and auditors read it; for everyone else it does not exist
  { method: 'GET', url: '/v1/signals/{restricted}', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/signals/{restricted}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{restricted}', as: timra, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}', as: kfv, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}', as: adda, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}', as: umea, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}', as: OPERATOR, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}/versions', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/signals/{restricted}/versions', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{restricted}/versions', as: umea, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{restricted}/versions', as: kfv, status: 404, code: 'signals.not_found' },
  { method: 'PATCH', url: '/v1/signals/{restricted}', as: umea, payload: amend, status: 404, code: 'signals.not_found', unchanged: 'restricted' },
  { method: 'POST', url: '/v1/signals/{restricted}/retract', as: kfv, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'restricted' },

  // ── retracted: hidden from everyone but the issuer and auditors
  { method: 'GET', url: '/v1/signals/{retracted}', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/signals/{retracted}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{retracted}', as: umea, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{retracted}', as: kfv, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{retracted}', as: OPERATOR, status: 404, code: 'signals.not_found' },
  { method: 'GET', url: '/v1/signals/{retracted}/versions', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/signals/{retracted}/versions', as: umea, status: 404, code: 'signals.not_found' },
  { method: 'PATCH', url: '/v1/signals/{retracted}', as: sundsvall, payload: amend, status: 409, code: 'signals.retracted', unchanged: 'retracted' },

  // ── follow-up records: written like signals, read like signals, retracted by their issuer only
  { method: 'POST', url: '/v1/follow-ups', as: sundsvall, payload: followUp(), status: 201 },
  { method: 'POST', url: '/v1/follow-ups', as: kfv, payload: followUp(), status: 201 },
  { method: 'POST', url: '/v1/follow-ups', as: adda, payload: followUp('{supplier}', { outcome: 'deviation', deviationSignalId: '{addaDeviation}' }), status: 201 },
  { method: 'POST', url: '/v1/follow-ups', as: umea, payload: followUp('{supplier}', { outcome: 'deviation', deviationSignalId: '{addaDeviation}' }), status: 422, code: 'follow_ups.invalid_deviation' },
  { method: 'POST', url: '/v1/follow-ups', as: revisor, scope: WRITER, payload: followUp(), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/follow-ups', as: OPERATOR, scope: WRITER, payload: followUp(), status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/follow-ups', as: sundsvall, scope: NO_WRITE, payload: followUp(), status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/follow-ups', as: umea, status: 200 },
  { method: 'GET', url: '/v1/follow-ups', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/follow-ups', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/signals/counts', as: umea, status: 200 },
  { method: 'GET', url: '/v1/signals/counts', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/follow-ups/counts', as: umea, status: 200 },
  { method: 'GET', url: '/v1/follow-ups/counts', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/follow-ups/{sundsvallFollowUp}', as: umea, status: 200 },
  { method: 'GET', url: '/v1/follow-ups/{sundsvallFollowUp}', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/follow-ups/{restrictedFollowUp}', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/follow-ups/{restrictedFollowUp}', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/follow-ups/{restrictedFollowUp}', as: umea, status: 404, code: 'follow_ups.not_found' },
  { method: 'GET', url: '/v1/follow-ups/{restrictedFollowUp}', as: kfv, status: 404, code: 'follow_ups.not_found' },
  { method: 'GET', url: '/v1/follow-ups/{restrictedFollowUp}', as: OPERATOR, status: 404, code: 'follow_ups.not_found' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: umea, payload: reason, status: 404, code: 'follow_ups.not_found' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: kfv, payload: reason, status: 404, code: 'follow_ups.not_found' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: revisor, scope: WRITER, payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: OPERATOR, scope: WRITER, payload: reason, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: sundsvall, scope: NO_WRITE, payload: reason, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/follow-ups/{sundsvallFollowUp}/retract', as: sundsvall, payload: reason, status: 200 },

  // ── only the issuer amends, lifts or retracts; to others someone else's signal is a 404
  { method: 'PATCH', url: '/v1/signals/{addaDeviation}', as: sundsvall, payload: amend, status: 404, code: 'signals.not_found', unchanged: 'addaDeviation' },
  { method: 'PATCH', url: '/v1/signals/{addaDeviation}', as: kfv, payload: amend, status: 404, code: 'signals.not_found', unchanged: 'addaDeviation' },
  { method: 'PATCH', url: '/v1/signals/{addaDeviation}', as: revisor, payload: amend, status: 403, code: 'auth.forbidden', unchanged: 'addaDeviation' },
  { method: 'PATCH', url: '/v1/signals/{addaDeviation}', as: OPERATOR, scope: WRITER, payload: amend, status: 403, code: 'auth.forbidden', unchanged: 'addaDeviation' },
  { method: 'PATCH', url: '/v1/signals/{addaDeviation}', as: adda, scope: NO_WRITE, payload: amend, status: 403, code: 'auth.missing_scope', unchanged: 'addaDeviation' },
  { method: 'POST', url: '/v1/signals/{addaDeviation}/retract', as: sundsvall, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaDeviation' },
  { method: 'PATCH', url: '/v1/signals/{addaStop}', as: sundsvall, payload: { reason: 'x', summary: 'Hävt.' }, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: sundsvall, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: kfv, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: umea, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: revisor, payload: reason, status: 403, code: 'auth.forbidden', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: OPERATOR, scope: WRITER, payload: reason, status: 403, code: 'auth.forbidden', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/lift', as: adda, scope: NO_WRITE, payload: reason, status: 403, code: 'auth.missing_scope', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/retract', as: sundsvall, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/retract', as: timra, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'addaStop' },
  { method: 'POST', url: '/v1/signals/{addaStop}/retract', as: revisor, payload: reason, status: 403, code: 'auth.forbidden', unchanged: 'addaStop' },
  // A federation does not act for its members' own signals either.
  { method: 'POST', url: '/v1/signals/{sundsvallStop}/lift', as: kfv, payload: reason, status: 404, code: 'signals.not_found', unchanged: 'sundsvallStop' },
  // The issuer may.
  { method: 'PATCH', url: '/v1/signals/{addaToAmend}', as: adda, payload: { reason: 'Kompletterad.', severity: 'high' }, status: 200 },
  { method: 'POST', url: '/v1/signals/{addaToLift}/lift', as: adda, payload: { reason: 'Utredningen klar.' }, status: 200 },
  { method: 'POST', url: '/v1/signals/{addaToRetract}/retract', as: adda, payload: { reason: 'Felregistrerad.' }, status: 200 },

  // ── supplier status
  { method: 'GET', url: '/v1/suppliers/{supplier}/status', as: umea, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/status', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/status', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/status', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/suppliers/status', as: umea, payload: { orgNumbers: ['{supplier}'] }, status: 200 },
  { method: 'POST', url: '/v1/suppliers/status', as: umea, scope: NO_READ, payload: { orgNumbers: ['{supplier}'] }, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/suppliers/flagged', as: umea, status: 200 },
  { method: 'GET', url: '/v1/suppliers/flagged?status=blocked', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/suppliers/flagged', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/suppliers/flagged', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/suppliers/{supplier}/status?receipt=true&purpose=placement', as: umea, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/status?receipt=true&purpose=placement', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },
  // ── receipts: any organisation may check one it was shown
  { method: 'POST', url: '/v1/receipts/verify', as: umea, payload: strayReceipt, status: 200 },
  { method: 'POST', url: '/v1/receipts/verify', as: revisor, payload: strayReceipt, status: 200 },
  { method: 'POST', url: '/v1/receipts/verify', as: OPERATOR, payload: strayReceipt, status: 200 },
  { method: 'POST', url: '/v1/receipts/verify', as: umea, scope: NO_READ, payload: strayReceipt, status: 403, code: 'auth.missing_scope' },

  // ── subscriptions and deliveries: any kind with subscriptions:manage, and only its own
  { method: 'POST', url: '/v1/subscriptions', as: umea, payload: { url: '{receiverUrl}' }, status: 201 },
  { method: 'POST', url: '/v1/subscriptions', as: revisor, payload: { url: '{receiverUrl}' }, status: 201 },
  { method: 'POST', url: '/v1/subscriptions', as: umea, scope: NO_MANAGE, payload: { url: '{receiverUrl}' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/subscriptions', as: OPERATOR, payload: { url: '{receiverUrl}' }, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/subscriptions', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/subscriptions', as: sundsvall, scope: NO_MANAGE, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: umea, status: 404, code: 'subscriptions.not_found' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: kfv, status: 404, code: 'subscriptions.not_found' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: revisor, status: 404, code: 'subscriptions.not_found' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: sundsvall, scope: NO_MANAGE, status: 403, code: 'auth.missing_scope' },
  { method: 'PATCH', url: '/v1/subscriptions/{subscription}', as: umea, payload: { url: 'http://127.0.0.1:1/kapad' }, status: 404, code: 'subscriptions.not_found' },
  { method: 'PATCH', url: '/v1/subscriptions/{subscription}', as: sundsvall, payload: { description: 'Sundsvalls larm' }, status: 200 },
  { method: 'PATCH', url: '/v1/subscriptions/{subscription}', as: timra, payload: { v1aSignatures: true }, status: 404, code: 'subscriptions.not_found' },
  { method: 'PATCH', url: '/v1/subscriptions/{subscription}', as: sundsvall, payload: { v1aSignatures: true }, status: 200 },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/rotate-secret', as: umea, status: 404, code: 'subscriptions.not_found' },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/rotate-secret', as: sundsvall, status: 200 },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/test', as: umea, status: 404, code: 'subscriptions.not_found' },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/test', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/subscriptions/{subscription}/deliveries', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/subscriptions/{subscription}/deliveries', as: timra, status: 404, code: 'subscriptions.not_found' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}/deliveries', as: sundsvall, scope: NO_MANAGE, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/deliveries/{delivery}', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/deliveries/{delivery}', as: umea, status: 404, code: 'deliveries.not_found' },
  { method: 'GET', url: '/v1/deliveries/{delivery}', as: revisor, status: 404, code: 'deliveries.not_found' },
  { method: 'POST', url: '/v1/deliveries/{delivery}/redeliver', as: umea, status: 404, code: 'deliveries.not_found' },
  { method: 'POST', url: '/v1/deliveries/{delivery}/redeliver', as: sundsvall, scope: NO_MANAGE, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/deliveries/{delivery}/redeliver', as: sundsvall, status: 202 },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/replay', as: umea, payload: { since: '2020-01-01T00:00:00Z' }, status: 404, code: 'subscriptions.not_found' },
  { method: 'POST', url: '/v1/subscriptions/{subscription}/replay', as: sundsvall, payload: { since: '2020-01-01T00:00:00Z' }, status: 202 },
  { method: 'DELETE', url: '/v1/subscriptions/{subscription}', as: umea, status: 404, code: 'subscriptions.not_found' },
  { method: 'DELETE', url: '/v1/subscriptions/{subscription}', as: sundsvall, scope: NO_MANAGE, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/subscriptions/{subscription}', as: sundsvall, status: 200 },
  { method: 'DELETE', url: '/v1/subscriptions/{disposable}', as: sundsvall, status: 204 },

  // ── the registry's webhook keys: only the operator, with admin, rotates (the published keys need no token)
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: sundsvall, payload: { reason: 'Byte.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: adda, scope: 'admin registry:read', payload: { reason: 'Byte.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: revisor, scope: 'admin audit:read', payload: { reason: 'Byte.' }, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: OPERATOR, scope: 'registry:read', payload: { reason: 'Byte.' }, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: OPERATOR, payload: { reason: 'Årligt nyckelbyte.' }, status: 201 },
  { method: 'POST', url: '/v1/webhook-keys/rotate', as: OPERATOR, payload: { reason: 'Igen.' }, status: 409, code: 'webhook_keys.rotation_pending' },

  // ── the event feed
  { method: 'GET', url: '/v1/events', as: umea, status: 200 },
  { method: 'GET', url: '/v1/events', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/events', as: umea, scope: NO_READ, status: 403, code: 'auth.missing_scope' },

  // ── audit: members read their own entries; chain tools and history for auditors (and the operator)
  { method: 'GET', url: '/v1/audit', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/audit', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/audit', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/head', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/audit/head', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/audit/head', as: revisor, status: 201 },
  { method: 'POST', url: '/v1/audit/head', as: OPERATOR, status: 201 },
  { method: 'POST', url: '/v1/audit/head', as: sundsvall, status: 403, code: 'auth.forbidden' },
  // The Merkle log: checkpoints and proofs for any holder of the scope, signing for auditors and
  // the operator, witnesses registered and cosigning by auditors only.
  { method: 'POST', url: '/v1/audit/checkpoint', as: revisor, status: 201 },
  { method: 'POST', url: '/v1/audit/checkpoint', as: sundsvall, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/audit/checkpoint', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/audit/checkpoint', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/checkpoints', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/audit/checkpoints', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/checkpoints/999999999', as: sundsvall, status: 404, code: 'audit.checkpoint_not_found', admitted: true },
  { method: 'GET', url: '/v1/audit/checkpoints/1', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/proofs/inclusion?position=1', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/audit/proofs/inclusion?position=1', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/proofs/consistency?from=999999998&to=999999999', as: sundsvall, status: 404, code: 'audit.checkpoint_not_found', admitted: true },
  { method: 'GET', url: '/v1/audit/proofs/consistency?from=1&to=2', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/witnesses', as: sundsvall, status: 200 },
  { method: 'GET', url: '/v1/audit/witnesses', as: sundsvall, scope: NO_AUDIT, status: 403, code: 'auth.missing_scope' },
  { method: 'POST', url: '/v1/audit/witnesses', as: OPERATOR, payload: {}, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/audit/witnesses', as: sundsvall, payload: {}, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/audit/witnesses', as: revisor, payload: {}, status: 400, code: 'input.invalid', admitted: true },
  { method: 'POST', url: '/v1/audit/checkpoints/1/cosignatures', as: sundsvall, payload: {}, status: 403, code: 'auth.forbidden' },
  { method: 'POST', url: '/v1/audit/checkpoints/1/cosignatures', as: revisor, payload: {}, status: 400, code: 'input.invalid', admitted: true },
  { method: 'GET', url: '/v1/audit/verify', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/audit/verify', as: adda, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/audit/verify', as: revisor, scope: 'registry:read', status: 403, code: 'auth.missing_scope' },
  { method: 'GET', url: '/v1/audit/export', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/audit/export', as: umea, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/audit/reads', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/audit/reads', as: kfv, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/suppliers/{supplier}/history', as: revisor, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/history', as: OPERATOR, status: 200 },
  { method: 'GET', url: '/v1/suppliers/{supplier}/history', as: sundsvall, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/suppliers/{supplier}/history', as: adda, status: 403, code: 'auth.forbidden' },
  { method: 'GET', url: '/v1/suppliers/{supplier}/history', as: revisor, scope: 'registry:read', status: 403, code: 'auth.missing_scope' },
];

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function call(as: string, method: Method, url: string, payload?: unknown) {
  const res = await t.request({ method, url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${as} ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const readBack = async (signalId: string) => {
  const issuer = fx[`${signalId}Issuer`]!;
  const signal = await t.request({ method: 'GET', url: `/v1/signals/${fx[signalId]}`, as: issuer });
  const versions = await t.request({ method: 'GET', url: `/v1/signals/${fx[signalId]}/versions`, as: issuer });
  expect(signal.statusCode, signal.body).toBe(200);
  return { signal: signal.json(), versions: versions.json().items };
};

function expectProblem(res: LightMyRequestResponse, status: number, code: string | undefined) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code: code ?? expect.any(String), requestId: res.headers['x-request-id'] });
  expect(body.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  expect(body.requestId).toEqual(expect.any(String));
}

beforeAll(async () => {
  // Real workers and a real receiver, so the delivery routes have a delivery to guard.
  t = await startTestApp({}, { workers: true });
  receiver = await startReceiver();
  fx.receiverUrl = receiver.url;
  await seedCast(t);

  fx.supplier = await createSupplier(t, sundsvall, 'Matrisgården HVB AB');
  fx.outsider = await createSupplier(t, sundsvall, 'Utanför Avtalet AB');
  fx.owned = await createSupplier(t, sundsvall, 'Ägarens Hem AB');
  fx.restrictedSupplier = await createSupplier(t, sundsvall, 'Tystnadens Omsorg AB');
  fx.retractedSupplier = await createSupplier(t, sundsvall, 'Ångerns Omsorg AB');
  fx.deliverySupplier = await createSupplier(t, sundsvall, 'Budbärarens Omsorg AB');
  await call(OPERATOR, 'POST', '/v1/organisations', { id: VARDBOLAGET, kind: 'supplier', name: 'Vårdbolaget (test)' });
  await call(OPERATOR, 'POST', `/v1/organisations/${VARDBOLAGET}/represented-numbers`, { orgNumber: fx.supplier, reason: 'Firmatecknare kontrollerad.' });

  fx.linkFrom = await createSupplier(t, sundsvall, 'Länkens Moderbolag AB');
  fx.linkTo = await createSupplier(t, sundsvall, 'Länkens Dotterbolag AB');
  fx.link = (await call(sundsvall, 'POST', '/v1/supplier-links', { kind: 'group', fromOrgNumber: fx.linkFrom, toOrgNumber: fx.linkTo, reason: 'Koncern.' })).id;
  fx.operatorEndsLink = (await call(sundsvall, 'POST', '/v1/supplier-links', { kind: 'succession', fromOrgNumber: fx.linkFrom, toOrgNumber: fx.linkTo, reason: 'Övertog driften.' })).id;

  fx.addaAgreement = (await call(adda, 'POST', '/v1/agreements', { name: 'HVB barn 2026', category: 'hvb_children', validFrom: '2026-01-01' })).id;
  fx.kfvAgreement = (await call(kfv, 'POST', '/v1/agreements', { name: 'Förbundets HVB', category: 'hvb_children', validFrom: '2026-01-01' })).id;
  // kfv owns an agreement the owned supplier is party to, so it may change the record.
  await call(kfv, 'PUT', `/v1/agreements/${fx.kfvAgreement}/suppliers/${fx.owned}`);
  await call(adda, 'PUT', `/v1/agreements/${fx.addaAgreement}/suppliers/${fx.supplier}`);

  const signal = async (name: string, as: string, payload: unknown) => {
    fx[name] = (await call(as, 'POST', '/v1/signals', fill(payload))).id;
    fx[`${name}Issuer`] = as;
  };
  const stop = { type: 'call_off_stop', supplierOrgNumber: '{supplier}', agreementId: '{addaAgreement}', summary: 'Avropsstopp i väntan på utredning.' };
  await signal('addaDeviation', adda, deviation('{supplier}'));
  await signal('addaStop', adda, stop);
  await signal('addaToAmend', adda, deviation('{supplier}'));
  await signal('addaToLift', adda, stop);
  await signal('addaToRetract', adda, deviation('{supplier}'));
  await signal('sundsvallStop', sundsvall, { type: 'call_off_stop', supplierOrgNumber: '{supplier}', summary: 'Sundsvalls avropspaus.' });
  await signal('restricted', sundsvall, deviation('{restrictedSupplier}', { severity: 'critical', category: 'safety', summary: 'Intern uppgift.', visibility: 'issuer_and_auditors' }));
  await signal('retracted', sundsvall, deviation('{retractedSupplier}', { severity: 'critical', category: 'safety', summary: 'Fel leverantör.' }));
  await call(sundsvall, 'POST', `/v1/signals/${fx.retracted}/retract`, { reason: 'Felregistrerad.' });
  fx.sundsvallFollowUp = (await call(sundsvall, 'POST', '/v1/follow-ups', fill(followUp()))).id;
  fx.restrictedFollowUp = (await call(sundsvall, 'POST', '/v1/follow-ups', fill(followUp('{restrictedSupplier}', { visibility: 'issuer_and_auditors' })))).id;

  // Sundsvall's subscription gets one delivery; a second subscription is there to be deleted.
  fx.subscription = (await call(sundsvall, 'POST', '/v1/subscriptions', { url: receiver.url, filters: { suppliers: [fx.deliverySupplier] } })).id;
  fx.disposable = (await call(sundsvall, 'POST', '/v1/subscriptions', { url: receiver.url, filters: { types: ['permit_revoked'] } })).id;
  await call(sundsvall, 'POST', '/v1/signals', deviation(fx.deliverySupplier));
  fx.delivery = await vi.waitFor(
    async () => {
      const items = (await call(sundsvall, 'GET', `/v1/subscriptions/${fx.subscription}/deliveries`)).items;
      if (items.length === 0) throw new Error('no delivery yet');
      return items[0].id as string;
    },
    { timeout: 15_000, interval: 100 },
  );
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('authorisation matrix', () => {
  it.each(matrix)('$method $url as $as [$scope] → $status $code', async (row) => {
    const before = row.unchanged ? await readBack(row.unchanged) : undefined;
    const res = await t.request({
      method: row.method,
      url: fill(row.url),
      as: row.as,
      ...(row.scope === undefined ? {} : { scope: row.scope }),
      ...(row.payload === undefined ? {} : { payload: fill(row.payload) as object }),
    });
    expect(res.statusCode, res.body).toBe(row.status);
    if (row.status >= 300) expectProblem(res, row.status, row.code);
    if (row.unchanged) expect(await readBack(row.unchanged)).toEqual(before);
  });

  it('has a row for every operation in openapi/openapi.json, allowed and refused', () => {
    const spec = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
    const asTemplate = (url: string) => url.split('?')[0]!.replace(/\{\w+\}/g, '{}').replace(/\/\d+(?=\/|$)/g, '/{}');
    const covered = (ok: boolean) => new Set(matrix.filter((r) => (r.status < 300 || r.admitted === true) === ok).map((r) => `${r.method} ${asTemplate(r.url)}`));
    const [allowed, refused] = [covered(true), covered(false)];
    const operations = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${asTemplate(path)}`));
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((op) => !allowed.has(op))).toEqual([]);
    expect(operations.filter((op) => !refused.has(op))).toEqual([]);
  });

  it('answers 401 auth.missing_token on every /v1 operation when no token is sent', async () => {
    const spec = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
    const concrete = (path: string) =>
      path.replace('{orgNumber}', fx.supplier!).replace('{id}', path.startsWith('/v1/organisations') ? 'adda' : fx.addaDeviation!);
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      if (!path.startsWith('/v1/')) continue;
      for (const method of Object.keys(methods)) {
        const res = await t.app.inject({ method: method.toUpperCase() as Method, url: concrete(path), payload: method === 'get' ? undefined : {} });
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(401);
        expectProblem(res, 401, 'auth.missing_token');
      }
    }
  });
});

describe('a supplier organisation', () => {
  // What a supplier organisation may call (README, "The supplier's reply"); on everything else it is refused by kind.
  const supplierOperations = new Set([
    'GET /v1/signals',
    'GET /v1/signals/counts',
    'GET /v1/signals/{id}',
    'GET /v1/signals/{id}/versions',
    'GET /v1/signals/{id}/replies',
    'POST /v1/signals/{id}/replies',
    'GET /v1/suppliers/{orgNumber}',
    'GET /v1/organisations/{id}/represented-numbers',
  ]);

  it('is refused 403 auth.forbidden on every other /v1 operation, whatever scopes its token carries', async () => {
    const spec = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
    const every = 'registry:read signals:write subscriptions:manage audit:read admin';
    const concrete = (path: string) =>
      path.replace('{orgNumber}', fx.supplier!).replace('{id}', path.startsWith('/v1/organisations') ? VARDBOLAGET : fx.addaDeviation!).replace(/\{\w+\}/g, '1');
    let refused = 0;
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      if (!path.startsWith('/v1/')) continue;
      for (const method of Object.keys(methods)) {
        if (supplierOperations.has(`${method.toUpperCase()} ${path}`)) continue;
        const res = await t.request({ method: method.toUpperCase() as Method, url: concrete(path), as: VARDBOLAGET, scope: every, ...(method === 'get' ? {} : { payload: {} }) });
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(403);
        expectProblem(res, 403, 'auth.forbidden');
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(40);
  });

  it('lists only the members-visible signals about its own numbers', async () => {
    const listed = (await call(VARDBOLAGET, 'GET', '/v1/signals?limit=200')).items as Array<{ id: string; supplierOrgNumber: string; visibility: string }>;
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((s) => s.supplierOrgNumber))).toEqual(new Set([fx.supplier]));
    expect(listed.every((s) => s.visibility === 'members')).toBe(true);
    expect((await call(VARDBOLAGET, 'GET', `/v1/signals?supplier=${fx.restrictedSupplier}`)).items).toEqual([]);
  });
});

describe('a refused write changes nothing', () => {
  it('adda’s signals keep their first version after every refused amend, lift and retract', async () => {
    for (const name of ['addaDeviation', 'addaStop']) {
      const { signal, versions } = await readBack(name);
      expect(signal, name).toMatchObject({ status: 'active', version: 1, issuerOrgId: adda, summary: expect.not.stringContaining('någon annan') });
      expect(versions.map((v: { change: string }) => v.change)).toEqual(['created']);
    }
    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${fx.supplier}/status`, as: umea });
    expect(status.json().status).toBe('blocked');
    expect(status.json().reasons.map((r: { signalId: string }) => r.signalId)).toContain(fx.addaStop);
  });

  it('the issuer’s own changes went through', async () => {
    expect((await readBack('addaToAmend')).signal).toMatchObject({ version: 2, severity: 'high' });
    expect((await readBack('addaToLift')).signal).toMatchObject({ version: 2, status: 'lifted' });
    expect((await readBack('addaToRetract')).signal).toMatchObject({ version: 2, status: 'retracted' });
  });

  it('no refused party was added, no refused supplier or organisation created', async () => {
    const agreement = (await call(umea, 'GET', `/v1/agreements/${fx.addaAgreement}`)) as { suppliers: string[] };
    expect(agreement.suppliers.map((s) => s.replace('-', ''))).toEqual([fx.supplier!.replace('-', '')]);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${fx.refusedSupplier}`, as: umea })).statusCode).toBe(404);
    const ids = (await call(umea, 'GET', '/v1/organisations')).items.map((o: { id: string }) => o.id);
    expect(ids).toContain('ny-inkop');
    for (const refused of ['utan-admin', 'fran-kommun', 'fran-revisor', 'fran-adda']) expect(ids).not.toContain(refused);
  });

  it('the refused supplier changes left the owned record at the operator’s rename, version 4', async () => {
    const owned = await call(umea, 'GET', `/v1/suppliers/${fx.owned}`);
    expect(owned).toMatchObject({ name: 'Ägarens Hem 4 AB', version: 4, units: [], registeredByOrgId: sundsvall });
    const versions = (await call(revisor, 'GET', `/v1/suppliers/${fx.owned}/history`)).versions;
    expect(versions.map((v: { orgId: string }) => v.orgId)).toEqual([sundsvall, sundsvall, kfv, OPERATOR]);
  });

  it('umea’s refused PATCH left sundsvall’s subscription pointing where it did', async () => {
    const sub = await call(sundsvall, 'GET', `/v1/subscriptions/${fx.subscription}`);
    expect(sub).toMatchObject({ orgId: sundsvall, url: receiver.url, description: 'Sundsvalls larm', status: 'active' });
  });
});

describe('who sees a restricted (issuer_and_auditors) signal', () => {
  const listed = async (as: string, supplier: string) =>
    (await call(as, 'GET', `/v1/signals?supplier=${supplier}`)).items.map((s: { id: string }) => s.id) as string[];

  it('is listed for the issuer and the auditor only', async () => {
    expect(await listed(sundsvall, fx.restrictedSupplier!)).toEqual([fx.restricted]);
    expect(await listed(revisor, fx.restrictedSupplier!)).toEqual([fx.restricted]);
    for (const org of [timra, kfv, adda, umea, OPERATOR]) expect(await listed(org, fx.restrictedSupplier!), org).toEqual([]);
  });

  it('decides the status only for the issuer and the auditor; others see no reason', async () => {
    for (const org of [sundsvall, revisor]) {
      const res = await call(org, 'GET', `/v1/suppliers/${fx.restrictedSupplier}/status`);
      expect(res.status, org).toBe('caution');
      expect(res.reasons.map((r: { signalId: string }) => r.signalId)).toEqual([fx.restricted]);
    }
    for (const org of [timra, kfv, adda, umea, OPERATOR]) {
      const res = await call(org, 'GET', `/v1/suppliers/${fx.restrictedSupplier}/status`);
      expect(res, org).toMatchObject({ status: 'clear', reasons: [] });
      const batch = await call(org, 'POST', '/v1/suppliers/status', { orgNumbers: [fx.restrictedSupplier] });
      expect(batch.results[0], org).toMatchObject({ status: 'clear', reasons: [] });
    }
  });

  it('puts the supplier among the flagged ones for the issuer and the auditor only', async () => {
    const flagged = async (as: string) => {
      const numbers: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ orgNumber: string }>; nextCursor: string | null } = await call(as, 'GET', `/v1/suppliers/flagged?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        numbers.push(...page.items.map((s) => s.orgNumber));
        cursor = page.nextCursor;
      } while (cursor);
      return numbers;
    };
    for (const org of [sundsvall, revisor]) expect(await flagged(org), org).toContain(fx.restrictedSupplier);
    for (const org of [timra, kfv, adda, umea, OPERATOR]) expect(await flagged(org), org).not.toContain(fx.restrictedSupplier);
    for (const org of [sundsvall, revisor, umea]) expect(await flagged(org), org).not.toContain(fx.retractedSupplier);
  });

  it('appears in the event feed and the supplier history only for the issuer and the auditor', async () => {
    const feed = async (as: string) => {
      const ids: string[] = [];
      let after = 0;
      for (;;) {
        const page = await call(as, 'GET', `/v1/events?after=${after}&limit=200`);
        // Signal events only: supplier events (supplier.updated) carry no signal.
        ids.push(...page.items.flatMap((e: { signal?: { id: string } }) => (e.signal ? [e.signal.id] : [])));
        if (page.items.length < 200) return ids;
        after = page.nextAfter;
      }
    };
    expect(await feed(sundsvall)).toContain(fx.restricted);
    expect(await feed(revisor)).toContain(fx.restricted);
    for (const org of [timra, kfv, umea, adda]) {
      const ids = await feed(org);
      expect(ids, org).toContain(fx.addaDeviation); // the feed works for them…
      expect(ids, org).not.toContain(fx.restricted); // …and leaves the restricted signal out
    }
    const history = await call(revisor, 'GET', `/v1/suppliers/${fx.restrictedSupplier}/history`);
    expect(history.signals.map((s: { signal: { id: string } }) => s.signal.id)).toEqual([fx.restricted]);
  });
});

describe('who sees a retracted signal', () => {
  it('is listed, with its full history, for the issuer and the auditor only', async () => {
    for (const org of [sundsvall, revisor]) {
      const items = (await call(org, 'GET', `/v1/signals?supplier=${fx.retractedSupplier}`)).items;
      expect(items.map((s: { id: string; status: string }) => [s.id, s.status]), org).toEqual([[fx.retracted, 'retracted']]);
      const versions = (await call(org, 'GET', `/v1/signals/${fx.retracted}/versions`)).items;
      expect(versions.map((v: { change: string }) => v.change)).toEqual(['created', 'retracted']);
    }
    for (const org of [timra, kfv, adda, umea, OPERATOR]) {
      expect((await call(org, 'GET', `/v1/signals?supplier=${fx.retractedSupplier}`)).items, org).toEqual([]);
      expect((await call(org, 'GET', `/v1/signals?status=retracted`)).items.map((s: { id: string }) => s.id), org).not.toContain(fx.retracted);
    }
  });

  it('no longer decides anyone’s status', async () => {
    for (const org of [sundsvall, revisor, umea]) {
      expect(await call(org, 'GET', `/v1/suppliers/${fx.retractedSupplier}/status`), org).toMatchObject({ status: 'clear', reasons: [] });
    }
  });
});

describe('object scoping of lists', () => {
  it('lists only the caller’s own subscriptions', async () => {
    const mine = (await call(sundsvall, 'GET', '/v1/subscriptions')).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: { orgId: string }) => s.orgId === sundsvall)).toBe(true);
    const theirs = (await call(umea, 'GET', '/v1/subscriptions')).items.map((s: { id: string }) => s.id);
    expect(theirs).not.toContain(fx.subscription);
  });

  it('shows a member only its own organisation’s audit entries, and an auditor everyone’s', async () => {
    const orgsIn = async (as: string) => new Set((await call(as, 'GET', '/v1/audit?limit=1000')).items.map((e: { orgId: string }) => e.orgId));
    expect([...(await orgsIn(sundsvall))]).toEqual([sundsvall]);
    expect([...(await orgsIn(umea))]).toEqual([umea]);
    const all = await orgsIn(revisor);
    for (const org of [adda, sundsvall, umea, OPERATOR]) expect(all.has(org), org).toBe(true);
    // A member cannot widen the filter to another organisation.
    expect([...new Set((await call(umea, 'GET', `/v1/audit?organisation=${adda}`)).items.map((e: { orgId: string }) => e.orgId))]).toEqual([umea]);
  });
});
