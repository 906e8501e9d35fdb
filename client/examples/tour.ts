/**
 * The README's three-step tour with the typed client: a municipality subscribes a receiver
 * (with v1a evidence signatures), asks whether it may place with a supplier, the purchasing
 * centre stops call-offs under its agreement, and the next read says blocked. The types come
 * from client/schema.ts, so this file stops compiling when the API changes under it (the type
 * check runs over it); test/client.test.ts runs it against a real registry.
 */
import { all, createRegistryClient, unwrap } from '../index.ts';

export interface TourSettings {
  baseUrl: string;
  /** Tokens of a municipality and of the purchasing centre that owns an agreement. */
  tokens: { municipality: string; purchasingCentre: string };
  /** The purchasing centre's organisation id. */
  purchasingCentreId: string;
  /** Where the municipality's webhooks go. */
  receiverUrl: string;
}

export async function tour({ baseUrl, tokens, purchasingCentreId, receiverUrl }: TourSettings) {
  const municipality = createRegistryClient({ baseUrl, token: tokens.municipality });
  const centre = createRegistryClient({ baseUrl, token: tokens.purchasingCentre });

  // A supplier under one of the purchasing centre's agreements (every page of them).
  const agreements = await all((cursor) => unwrap(centre.GET('/v1/agreements', { params: { query: { owner: purchasingCentreId, ...(cursor ? { cursor } : {}) } } })));
  const agreement = agreements.find((a) => a.suppliers.length > 0);
  if (!agreement) throw new Error('no agreement with a supplier');
  const supplier = agreement.suppliers[0]!;

  // 0. Subscribe, asking for v1a signatures beside v1.
  const subscription = await unwrap(municipality.POST('/v1/subscriptions', { body: { url: receiverUrl, filters: { suppliers: [supplier] }, v1aSignatures: true } }));

  // 1. May the municipality place a child with this supplier today?
  const before = await unwrap(municipality.GET('/v1/suppliers/{orgNumber}/status', { params: { path: { orgNumber: supplier } } }));

  // 2. The purchasing centre publishes a call-off stop (avropsstopp) on its agreement.
  const stop = await unwrap(
    centre.POST('/v1/signals', { body: { type: 'call_off_stop', supplierOrgNumber: supplier, agreementId: agreement.id, summary: 'Avropsstopp i väntan på utredning.' } }),
  );

  // 3. The very next read says blocked, with the stop among the reasons.
  const after = await unwrap(municipality.GET('/v1/suppliers/{orgNumber}/status', { params: { path: { orgNumber: supplier } } }));
  return { supplier, subscription, before: before.status, stop, after: after.status, reasons: after.reasons.map((r) => r.signalId) };
}
