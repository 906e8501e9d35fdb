import { expect } from 'vitest';
import { luhnValid } from '../../src/lib/identity-numbers.ts';
import type { TestApp } from './app.ts';

/** Appends the Luhn check digit to nine digits. */
export function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error('unreachable');
}

let counter = 0;
/** A fresh, valid organisationsnummer (digits 3–4 ≥ 20), NNNNNN-NNNN. */
export function newOrgNumber(): string {
  counter += 1;
  // Digits 3–4 from 20 to 99 make it a legal entity's number, never a personnummer.
  const body = `55${20 + Math.floor(Math.random() * 80)}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}${String(counter % 1000).padStart(3, '0')}`;
  const full = withCheckDigit(body);
  return `${full.slice(0, 6)}-${full.slice(6)}`;
}

/** A Luhn-valid personnummer (10 digits, YYMMDD-NNNN) for a birth date. */
export function personnummer(yymmdd: string, serial = '123'): string {
  const full = withCheckDigit(`${yymmdd}${serial}`);
  return `${full.slice(0, 6)}-${full.slice(6)}`;
}

/**
 * The standard cast: a purchasing centre, a federation with two member
 * municipalities, a municipality outside it, and an auditor.
 */
export const cast = {
  adda: { id: 'adda', kind: 'purchasing_centre', name: 'Adda Inköpscentral (test)' },
  kfv: { id: 'kfv', kind: 'federation', name: 'Kommunförbundet Västernorrland (test)' },
  sundsvall: { id: 'sundsvall', kind: 'municipality', name: 'Sundsvalls kommun (test)', municipalityCode: '2281', federationId: 'kfv' },
  timra: { id: 'timra', kind: 'municipality', name: 'Timrå kommun (test)', municipalityCode: '2262', federationId: 'kfv' },
  umea: { id: 'umea', kind: 'municipality', name: 'Umeå kommun (test)', municipalityCode: '2480' },
  revisor: { id: 'revisor', kind: 'auditor', name: 'Kommunrevisionen (test)' },
} as const;

export async function seedCast(t: TestApp): Promise<void> {
  for (const org of Object.values(cast)) {
    const res = await t.request({ method: 'POST', url: '/v1/organisations', as: t.config.OPERATOR_ORG_ID, payload: org });
    if (res.statusCode !== 201) throw new Error(`seeding ${org.id}: ${res.statusCode} ${res.body}`);
  }
}

/** Registers a supplier through the API and returns its number as NNNNNN-NNNN. */
export async function createSupplier(t: TestApp, as: string = cast.sundsvall.id, name = 'Testgården Omsorg AB'): Promise<string> {
  const orgNumber = newOrgNumber();
  const res = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as, payload: { name } });
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`supplier: ${res.statusCode} ${res.body}`);
  return orgNumber;
}

/** Subscribes `url` for organisation `as`; returns the subscription id and its signing secret. */
export async function subscribe(t: TestApp, as: string, url: string, filters: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const res = await t.request({ method: 'POST', url: '/v1/subscriptions', as, payload: { url, filters } });
  if (res.statusCode !== 201) throw new Error(`subscribe: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A framework agreement owned by `as` (HVB for children from 2026), its id. */
export async function createAgreement(t: TestApp, as: string, name = 'HVB barn 2026'): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/agreements', as, payload: { name, category: 'hvb_children', validFrom: '2026-01-01' } });
  if (res.statusCode !== 201) throw new Error(`agreement not created: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** The body of POST /v1/signals as the tests build it. */
export type SignalBody = { type: string; supplierOrgNumber: string } & Record<string, unknown>;

/** A signal as the API answers with it: the fields tests read most, the rest as sent back. */
export interface PostedSignal {
  id: string;
  type: string;
  status: string;
  version: number;
  updatedAt: string;
  [field: string]: any;
}

/** A medium staffing deviation (avvikelse) about the supplier; `extra` adds or overrides fields. */
export const deviation = (supplierOrgNumber: string, extra: Record<string, unknown> = {}): SignalBody => ({
  type: 'deviation',
  supplierOrgNumber,
  severity: 'medium',
  category: 'staffing',
  summary: 'Bemanningen understeg avtalad nivå.',
  ...extra,
});

/** A call-off stop (avropsstopp) about the supplier; `extra` adds or overrides fields (agreementId, unitId, summary …). */
export const callOffStop = (supplierOrgNumber: string, extra: Record<string, unknown> = {}): SignalBody => ({
  type: 'call_off_stop',
  supplierOrgNumber,
  summary: 'Avropspaus.',
  ...extra,
});

/** Posts a signal as `as`; anything but 201 fails the test, showing the answer. */
export async function postSignal(t: TestApp, as: string, payload: object): Promise<PostedSignal> {
  const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
