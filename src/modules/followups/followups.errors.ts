import { conflict, notFound, unprocessable } from '../../lib/errors.ts';

export const followUpNotFound = (id: string) => notFound({ code: 'follow_ups.not_found', detail: `No follow-up record ${id} that you may see.` });
export const unknownSupplier = () =>
  unprocessable({ code: 'follow_ups.unknown_supplier', detail: 'supplierOrgNumber is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.' });
export const unknownUnit = () => unprocessable({ code: 'follow_ups.unknown_unit', detail: 'unitId is not a unit of this supplier.' });
export const checkedOnInFuture = () =>
  unprocessable({
    code: 'follow_ups.checked_on_in_future',
    detail: 'checkedOn is after today (in Sweden): a check is recorded once it is made.',
    extensions: { errors: [{ path: 'checkedOn', message: 'must not be after today in Sweden' }] },
  });
export const deviationRequired = () =>
  unprocessable({
    code: 'follow_ups.deviation_required',
    detail: 'A check whose outcome is deviation names the deviation it led to: send deviationSignalId.',
    extensions: { errors: [{ path: 'deviationSignalId', message: 'is required when outcome is deviation' }] },
  });
export const deviationNotExpected = () =>
  unprocessable({
    code: 'follow_ups.deviation_not_expected',
    detail: 'A check with no remarks led to no deviation: leave deviationSignalId out, or set outcome to deviation.',
    extensions: { errors: [{ path: 'deviationSignalId', message: 'is only for outcome deviation' }] },
  });
// One answer whether the signal is unknown, another organisation's or of another type, so
// the error tells nothing about signals the caller may not read.
export const invalidDeviation = () =>
  unprocessable({
    code: 'follow_ups.invalid_deviation',
    detail: 'deviationSignalId must be a deviation (avvikelse) your organisation issued about this supplier, not retracted.',
    extensions: { errors: [{ path: 'deviationSignalId', message: 'is not a deviation your organisation issued about this supplier' }] },
  });
export const visibilityWiderThanDeviation = () =>
  unprocessable({
    code: 'follow_ups.visibility_wider_than_deviation',
    detail: 'The deviation is issuer_and_auditors: a record of the check that led to it must be issuer_and_auditors too, or it would tell members what the deviation keeps from them.',
    extensions: { errors: [{ path: 'visibility', message: 'must be issuer_and_auditors, like the deviation' }] },
  });
export const alreadyRetracted = () => conflict({ code: 'follow_ups.retracted', detail: 'The follow-up record is already retracted.' });
