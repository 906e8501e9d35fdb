import { conflict, forbidden, notFound, preconditionFailed, unprocessable } from '../../lib/errors.ts';
import { versionTag } from '../../lib/preconditions.ts';

export const signalNotFound = (id: string) => notFound({ code: 'signals.not_found', detail: `No signal ${id} that you may see.` });
export const unknownSupplier = () =>
  unprocessable({ code: 'signals.unknown_supplier', detail: 'supplierOrgNumber is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.' });
export const unknownUnit = () => unprocessable({ code: 'signals.unknown_unit', detail: 'unitId is not a unit of this supplier.' });
export const unknownAgreement = () => unprocessable({ code: 'signals.unknown_agreement', detail: 'agreementId is not a framework agreement in this registry.' });
export const agreementRequired = () =>
  unprocessable({ code: 'signals.agreement_required', detail: 'A purchasing centre stops or terminates under one of its framework agreements: send agreementId.' });
export const notAgreementOwner = () =>
  forbidden({ code: 'signals.not_agreement_owner', detail: 'Only the organisation that owns the framework agreement may stop or terminate under it.' });
export const supplierNotParty = () => unprocessable({ code: 'signals.supplier_not_party', detail: 'The supplier is not a party to this agreement.' });
export const invalidPeriod = () => unprocessable({ code: 'signals.invalid_period', detail: 'effectiveUntil must be after effectiveFrom.' });
export const invalidSignal = (detail: string) => unprocessable({ code: 'signals.invalid', detail });
export const notLiftable = () => conflict({ code: 'signals.not_liftable', detail: 'Only call-off stops are lifted; retract other signals.' });
export const notActive = (status: string) => conflict({ code: 'signals.not_active', detail: `The signal is ${status}, not active.` });
export const alreadyRetracted = () => conflict({ code: 'signals.retracted', detail: 'The signal is retracted; it cannot change any more.' });
export const invalidReference = (type: string) =>
  unprocessable({
    code: 'signals.invalid_reference',
    detail: `A ${type} records an IVO decision: reference must be IVO’s diarienummer, e.g. 3.5.1-12345/2023 or 8.7.1-6361/2015-1 (classification, serial, year, optional part).`,
    extensions: { errors: [{ path: 'reference', message: 'must be an IVO diarienummer, e.g. 3.5.1-12345/2023' }] },
  });
export const invalidDecisionDate = (message: string) =>
  unprocessable({ code: 'signals.invalid_decision_date', detail: `decisionDate ${message}.`, extensions: { errors: [{ path: 'decisionDate', message }] } });
export const invalidRecipient = (why: string) =>
  unprocessable({
    code: 'signals.invalid_recipient',
    detail: `recipientOrgId ${why}; a tip is addressed to a municipality, a federation or a purchasing centre.`,
    extensions: { errors: [{ path: 'recipientOrgId', message: why }] },
  });
export const unknownRelatedSignal = (ids: readonly string[]) =>
  unprocessable({
    code: 'signals.unknown_related_signal',
    detail: `relatedSignalIds names signals that do not exist or that you may not read: ${ids.join(', ')}.`,
    extensions: { errors: [{ path: 'relatedSignalIds', message: 'each must be a signal you may read' }] },
  });
export const versionMismatch = (current: number) =>
  preconditionFailed({
    code: 'signals.version_mismatch',
    detail: `The signal is at version ${current} (ETag ${versionTag(current)}), not the version If-Match names; nothing was changed. Read it again and base the change on version ${current}.`,
  });
