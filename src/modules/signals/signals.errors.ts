import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { preconditionFailed, versionTag } from '../../lib/preconditions.ts';

export const signalNotFound = (id: string) => notFound('signals.not_found', `No signal ${id} that you may see.`);
export const typeNotAllowed = (kind: string, type: string) =>
  forbidden(`A ${kind} organisation may not issue ${type} signals.`, 'signals.type_not_allowed');
export const unknownSupplier = () =>
  unprocessable('signals.unknown_supplier', 'supplierOrgNumber is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.');
export const unknownUnit = () => unprocessable('signals.unknown_unit', 'unitId is not a unit of this supplier.');
export const unknownAgreement = () => unprocessable('signals.unknown_agreement', 'agreementId is not a framework agreement in this registry.');
export const agreementRequired = () =>
  unprocessable('signals.agreement_required', 'A purchasing centre stops or terminates under one of its framework agreements: send agreementId.');
export const notAgreementOwner = () =>
  forbidden('Only the organisation that owns the framework agreement may stop or terminate under it.', 'signals.not_agreement_owner');
export const supplierNotParty = () => unprocessable('signals.supplier_not_party', 'The supplier is not a party to this agreement.');
export const invalidPeriod = () => unprocessable('signals.invalid_period', 'effectiveUntil must be after effectiveFrom.');
export const invalidSignal = (detail: string) => unprocessable('signals.invalid', detail);
export const notLiftable = () => conflict('signals.not_liftable', 'Only call-off stops are lifted; retract other signals.');
export const notActive = (status: string) => conflict('signals.not_active', `The signal is ${status}, not active.`);
export const alreadyRetracted = () => conflict('signals.retracted', 'The signal is retracted; it cannot change any more.');
export const invalidReference = (type: string) =>
  unprocessable(
    'signals.invalid_reference',
    `A ${type} records an IVO decision: reference must be IVO’s diarienummer, e.g. 3.5.1-12345/2023 or 8.7.1-6361/2015-1 (classification, serial, year, optional part).`,
    { errors: [{ path: 'reference', message: 'must be an IVO diarienummer, e.g. 3.5.1-12345/2023' }] },
  );
export const invalidDecisionDate = (message: string) =>
  unprocessable('signals.invalid_decision_date', `decisionDate ${message}.`, { errors: [{ path: 'decisionDate', message }] });
export const invalidRecipient = (why: string) =>
  unprocessable('signals.invalid_recipient', `recipientOrgId ${why}; a tip is addressed to a municipality, a federation or a purchasing centre.`, {
    errors: [{ path: 'recipientOrgId', message: why }],
  });
export const unknownRelatedSignal = (ids: readonly string[]) =>
  unprocessable('signals.unknown_related_signal', `relatedSignalIds names signals that do not exist or that you may not read: ${ids.join(', ')}.`, {
    errors: [{ path: 'relatedSignalIds', message: 'each must be a signal you may read' }],
  });
export const versionMismatch = (current: number) =>
  preconditionFailed(
    'signals.version_mismatch',
    `The signal is at version ${current} (ETag ${versionTag(current)}), not the version If-Match names; nothing was changed. Read it again and base the change on version ${current}.`,
  );
