/**
 * Every error code the registry answers with, its HTTP status and a sentence on what it means
 * and what to do: the page GET /problems/{code} shows, which each problem's `type` points to.
 * test/problems.test.ts keeps it complete: every code the source passes to an error factory is
 * here, and every code here is still used.
 */
export interface ProblemEntry {
  status: number;
  explanation: string;
}

const entries: Record<string, [number, string]> = {
  'agreements.invalid_period': [422, 'The agreement’s validUntil lies before its validFrom; send a period that ends after it begins.'],
  'agreements.not_found': [404, 'No framework agreement has this id.'],
  'agreements.not_owner': [403, 'Only the organisation that owns a framework agreement adds supplier parties to it.'],

  'audit.bad_proof_sizes': [400, 'A consistency proof is asked between two tree sizes with from not larger than to.'],
  'audit.bad_witness_key': [422, 'A witness key is a raw Ed25519 public key of 32 bytes, sent as base64.'],
  'audit.chain_broken': [409, 'The audit chain does not verify, so the registry signs no checkpoint over it; the detail says where it breaks.'],
  'audit.checkpoint_not_found': [404, 'No checkpoint of this size was signed; GET /v1/audit/checkpoints lists the sizes there are.'],
  'audit.cosignature_future': [422, 'The cosignature’s timestamp lies in the future of the registry’s clock.'],
  'audit.cosignature_invalid': [422, 'The cosignature does not verify with the witness key over this checkpoint (C2SP tlog-cosignature).'],
  'audit.cosignature_malformed': [422, 'A cosignature is one signed-note signature line: an em dash, the witness name and the base64 signature.'],
  'audit.empty': [404, 'The audit log has no entries yet, so there is nothing to sign or prove.'],
  'audit.entry_not_found': [404, 'No audit entry at this position that you may read.'],
  'audit.entry_not_in_tree': [422, 'The entry lies beyond the tree asked about: a tree of size n holds positions 1 to n.'],
  'audit.lookup_required': [400, 'Name the audit entry: by its position, or by signalId and version.'],
  'audit.no_entry_for_version': [404, 'This signal version was made by the registry itself (such as expiry), not by a member’s change, so no audit entry records it.'],
  'audit.witness_exists': [409, 'A witness with this name or public key is registered already.'],
  'audit.witness_not_yours': [403, 'The witness named in the cosignature was registered by another organisation; cosign with your own.'],
  'audit.witness_unknown': [422, 'No witness of this name is registered; register its key with POST /v1/audit/witnesses first.'],

  'auth.client_revoked': [401, 'The registry operator revoked this API client; every token it holds is refused. Get a new client id from your identity provider.'],
  'auth.forbidden': [403, 'Your kind of organisation may not call this route.'],
  'auth.invalid_token': [401, 'The bearer token is not valid for this registry: a bad signature, issuer, audience or algorithm, or a claim missing.'],
  'auth.missing_scope': [403, 'The token lacks the scope this route needs; the detail names it.'],
  'auth.missing_token': [401, 'Send Authorization: Bearer <JWT>.'],
  'auth.organisation_suspended': [403, 'The registry operator has suspended your organisation; its tokens are refused until it is resumed.'],
  'auth.token_expired': [401, 'The token has expired; get a new one.'],
  'auth.token_issued_before_organisation': [401, 'The token was issued before its organisation was registered; get a new one.'],
  'auth.token_issued_in_future': [401, 'The token’s iat lies ahead of the registry’s clock by more than the allowed skew.'],
  'auth.token_lifetime_too_long': [401, 'The token lives longer (exp − iat) than this registry accepts (MAX_TOKEN_LIFETIME).'],
  'auth.unauthorized': [401, 'The request is not authenticated.'],
  'auth.unknown_organisation': [401, 'The token names an organisation this registry does not know.'],

  'deliveries.not_found': [404, 'No delivery with this id to one of your subscriptions.'],
  'deliveries.subscription_inactive': [409, 'The subscription is disabled; set its status to active before redelivering or replaying.'],

  'follow_ups.checked_on_in_future': [422, 'checkedOn lies after today in Sweden: a check is recorded once it is made.'],
  'follow_ups.deviation_not_expected': [422, 'A check with no remarks led to no deviation: leave deviationSignalId out, or set outcome to deviation.'],
  'follow_ups.deviation_required': [422, 'A check whose outcome is deviation names the deviation it led to in deviationSignalId.'],
  'follow_ups.invalid_deviation': [422, 'deviationSignalId must be a deviation your organisation issued about this supplier, not retracted.'],
  'follow_ups.not_found': [404, 'No follow-up record with this id that you may see.'],
  'follow_ups.retracted': [409, 'The follow-up record is retracted already.'],
  'follow_ups.unknown_supplier': [422, 'supplierOrgNumber is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.'],
  'follow_ups.unknown_unit': [422, 'unitId is not a unit of this supplier.'],
  'follow_ups.visibility_wider_than_deviation': [422, 'The deviation is issuer_and_auditors, so the record of the check that led to it must be too.'],

  'health.not_ready': [503, 'A dependency (the database or Redis) is not reachable; the instance is not ready for traffic.'],

  'idempotency.in_progress': [409, 'A request with this Idempotency-Key is still being processed; retry shortly with the same key.'],
  'idempotency.invalid_key': [400, 'An Idempotency-Key is 1–255 visible ASCII characters; a UUID is a good choice.'],
  'idempotency.key_reused': [422, 'This Idempotency-Key was used before with a different request; use a new key for a new request.'],
  'idempotency.personal_data': [400, 'The Idempotency-Key carries what looks like a personnummer; keys are stored, so use a random one.'],
  'idempotency.secret_withheld': [403, 'The answer kept under this key carries a signing secret, replayed only to the client that made the request; the request did take effect.'],

  'input.headers_too_large': [431, 'The request headers are larger than the registry accepts.'],
  'input.invalid': [400, 'The request’s body, query, path or headers do not match the route’s schema; `errors` names each field.'],
  'input.invalid_content_length': [400, 'The Content-Length header does not match the body sent.'],
  'input.invalid_org_number': [400, 'In one item of a batch status question: the organisation number is not a valid organisationsnummer (NNNNNN-NNNN, Luhn-checked); the other items are answered.'],
  'input.invalid_unicode': [400, 'A string in the body holds an unpaired surrogate (a \\uD800–\\uDFFF escape without its pair): it is not Unicode text and cannot be stored as sent; send well-formed UTF-8.'],
  'input.invalid_unit_id': [400, 'In one item of a batch status question: unitId is not a unit id (a UUID); the other items are answered.'],
  'input.invalid_cursor': [400, 'The cursor was not issued by this registry; pass nextCursor from the previous page as it came.'],
  'input.malformed_json': [400, 'The body is not valid JSON, or it is empty where JSON is expected.'],
  'input.malformed_request': [400, 'The request could not be parsed as HTTP.'],
  'input.malformed_url': [400, 'The URL is not validly percent-encoded.'],
  'input.personal_data': [422, 'A field carries what looks like a Swedish personnummer or samordningsnummer; the registry holds no personal data about clients. `fields` names the fields.'],
  'input.request_timeout': [408, 'The request was not received within the registry’s deadline.'],
  'input.too_large': [413, 'The body is larger than the registry accepts (BODY_LIMIT_BYTES).'],
  'input.unsupported_media_type': [415, 'The body’s Content-Type is not one the route accepts; send application/json.'],
  'input.uri_too_long': [414, 'A path parameter is longer than 100 characters.'],

  'internal.error': [500, 'Something went wrong on the registry’s side; the log has the details under the request id. Retrying may help.'],

  'organisations.already_suspended': [409, 'The organisation is suspended already.'],
  'organisations.exists': [409, 'An organisation with this id exists already.'],
  'organisations.federation_not_found': [422, 'federationId does not name a federation in this registry.'],
  'organisations.federation_unchanged': [409, 'The municipality already belongs to this federation (or to none, as asked).'],
  'organisations.invalid': [422, 'The organisation’s fields do not fit its kind; the detail says which.'],
  'organisations.members_forbidden': [403, 'A federation’s members are read by the federation itself, the operator and auditors.'],
  'organisations.membership_history_forbidden': [403, 'A municipality’s federation history is read by the operator, auditors, the municipality itself and its federations.'],
  'organisations.municipality_code_taken': [409, 'Another organisation has this kommunkod already.'],
  'organisations.not_federation': [422, 'The organisation is not a federation: only a federation has members.'],
  'organisations.not_found': [404, 'No organisation with this id.'],
  'organisations.not_municipality': [422, 'The organisation is not a municipality: only a municipality belongs to a federation.'],
  'organisations.not_suspended': [409, 'The organisation is not suspended.'],
  'organisations.operator_not_suspendable': [422, 'The operator organisation cannot be suspended: no one could resume it.'],

  'problems.not_found': [404, 'No such error code; the registry’s error codes are each explained at /problems/{code}.'],

  'rate_limit.exceeded': [429, 'Your organisation made more requests than its limit allows in this window; wait for Retry-After seconds.'],
  'rate_limit.sensitive_flow': [429, 'Too many unblocking changes (lifts, retractions) for this supplier within the hour; wait for Retry-After seconds. Blocking changes are never refused by this limit.'],

  'receipts.not_asked': [400, 'purpose and caseReference belong to a receipt: add receipt=true, or leave them out.'],
  'receipts.not_with_as_of': [400, 'A receipt records a check made now; an answer as of a past moment comes without one.'],
  'receipts.purpose_required': [400, 'A receipt states why you asked: add purpose.'],

  'representations.not_a_supplier': [422, 'Only an organisation of kind supplier answers for organisation numbers.'],
  'representations.not_found': [404, 'The supplier organisation does not answer for this organisation number now.'],
  'representations.not_yours': [403, 'A supplier organisation acts only for the organisation numbers it answers for.'],
  'representations.taken': [409, 'Another supplier organisation answers for this number already; the operator ends that first.'],
  'representations.unknown_supplier': [422, 'The organisation number is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.'],

  'request.invalid': [400, 'The request was refused before it reached the route; the detail says why.'],
  'resource.conflict': [409, 'Another request changed the same resource at the same moment; read it again and retry.'],
  'route.not_found': [404, 'No route has this method and path; the OpenAPI document at /openapi.json lists them.'],

  'signals.agreement_required': [422, 'A purchasing centre stops or terminates under one of its framework agreements: send agreementId.'],
  'signals.invalid': [422, 'The signal’s fields do not fit its type; the detail says which.'],
  'signals.invalid_decision_date': [422, 'IVO decisions need decisionDate (YYYY-MM-DD, not after today in Sweden); other types must leave it out.'],
  'signals.invalid_period': [422, 'effectiveUntil must be after effectiveFrom.'],
  'signals.invalid_recipient': [422, 'A tip is addressed to a municipality, a federation or a purchasing centre other than yourself.'],
  'signals.invalid_reference': [422, 'IVO decisions carry IVO’s diarienummer in reference, e.g. 3.5.1-12345/2023.'],
  'signals.not_active': [409, 'Only an active call-off stop is lifted; this one is lifted, expired or scheduled.'],
  'signals.not_agreement_owner': [403, 'Only the organisation that owns the framework agreement stops or terminates under it.'],
  'signals.not_found': [404, 'No signal with this id that you may see (another organisation’s restricted or retracted signal answers the same as an unknown id).'],
  'signals.not_liftable': [409, 'Only call-off stops are lifted; retract other signals.'],
  'signals.retracted': [409, 'The signal is retracted; it cannot change any more.'],
  'signals.supplier_not_party': [422, 'The supplier is not a party to this framework agreement.'],
  'signals.unknown_agreement': [422, 'agreementId is not a framework agreement in this registry.'],
  'signals.unknown_related_signal': [422, 'relatedSignalIds names signals that do not exist or that you may not read.'],
  'signals.unknown_supplier': [422, 'supplierOrgNumber is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.'],
  'signals.unknown_unit': [422, 'unitId is not a unit of this supplier.'],
  'signals.version_mismatch': [412, 'The signal has changed since the version your If-Match names, so nothing was written; the detail names the current version. Read the signal again (its ETag is its version) and base your change on that.'],

  'status.as_of_in_future': [422, 'asOf lies after the registry’s clock: nothing was answered then yet. Leave asOf out for the answer now.'],
  'status.as_organisation_forbidden': [403, 'Only an auditor asks what another organisation was told.'],
  'status.as_organisation_without_as_of': [400, 'asOrganisation asks what another organisation was told at a past moment: send it with asOf.'],
  'status.receipt_not_in_csv': [400, 'A receipt is signed over the JSON answer and cannot be sent as CSV.'],
  'status.unknown_organisation': [422, 'asOrganisation is not an organisation in this registry.'],

  'subscriptions.affects_not_allowed': [403, 'filters.affects may name your own organisation (a federation also its members), no other.'],
  'subscriptions.limit_reached': [409, 'Your organisation has as many subscriptions as it may; delete one first.'],
  'subscriptions.not_found': [404, 'No subscription with this id of yours.'],
  'subscriptions.version_mismatch': [412, 'The subscription’s URL, description, filters, status or v1aSignatures changed since the ETag your If-Match names (by another PATCH, or the registry disabled it), so nothing was written. Read it again (GET /v1/subscriptions/{id}) and base your change on its ETag.'],
  'subscriptions.unknown_organisation': [422, 'filters.affects names organisations this registry does not know.'],
  'subscriptions.unsafe_url': [422, 'The webhook URL is not allowed (not https, or it points into a private network); the detail says why.'],

  'supplier_links.duplicate': [409, 'These suppliers already have an active link of this kind; end it first to draw it anew.'],
  'supplier_links.ended': [409, 'The link has ended already; it stays in the suppliers’ history.'],
  'supplier_links.not_found': [404, 'No supplier link with this id.'],
  'supplier_links.not_owner': [403, 'A supplier link is ended by the organisation that drew it or by the operator.'],
  'supplier_links.self_link': [422, 'A supplier is not linked to itself.'],
  'supplier_links.unknown_supplier': [422, 'A linked organisation number is not a registered supplier; register it first.'],

  'suppliers.not_found': [404, 'No supplier with this organisation number is registered (or was, at the moment asked about).'],
  'suppliers.not_owner': [403, 'A registered supplier is changed by the organisation that registered it, the owner of an agreement it is party to, or the operator.'],
  'suppliers.not_represented': [403, 'A supplier organisation reads only the suppliers whose organisation numbers it answers for.'],
  'suppliers.not_sole_trader': [422, 'soleTrader: true was sent, but the number is a legal entity’s, not a personnummer.'],
  'suppliers.operator_cannot_register': [403, 'The operator changes registered suppliers; members register new ones.'],
  'suppliers.reason_required': [422, 'Changing a registered supplier’s name or units needs a reason; it is kept in the supplier’s history.'],
  'suppliers.sole_trader_unconfirmed': [422, 'The number is a personnummer, i.e. a sole trader (enskild firma); send soleTrader: true to register it as one.'],
  'suppliers.version_mismatch': [412, 'The supplier record has changed since the version your If-Match names (or no supplier is registered under the number), so nothing was written; read it again (its ETag is its version) and base your change on that.'],
  'suppliers.unit_not_found': [422, 'The unit id is not a unit of this supplier.'],

  'webhook_keys.rotation_pending': [409, 'The key from the previous rotation has not started signing yet; rotate again once it has.'],
  'webhook_keys.unavailable': [503, 'The webhook keys cannot be read right now; try again shortly.'],
};

export const problemCatalogue: ReadonlyMap<string, ProblemEntry> = new Map(
  Object.entries(entries).map(([code, [status, explanation]]) => [code, { status, explanation }]),
);

/** Where a problem's `type` points: the page explaining its code, relative to the registry's origin (RFC 9457 §3.1.1). */
export const problemTypeUri = (code: string): string => `/problems/${code}`;
