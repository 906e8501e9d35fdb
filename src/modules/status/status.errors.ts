import { badRequest, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const asOfInFuture = (asOf: Date, now: Date) =>
  unprocessable({
    code: 'status.as_of_in_future',
    detail: `asOf ${asOf.toISOString()} is after the registry's clock (${now.toISOString()}): nothing has been answered then yet. Leave asOf out for the answer now.`,
  });
export const asOrganisationWithoutAsOf = () =>
  badRequest({ code: 'status.as_organisation_without_as_of', detail: 'asOrganisation asks what another organisation was told at a past moment: send it with asOf.' });
export const asOrganisationForbidden = () =>
  forbidden({ code: 'status.as_organisation_forbidden', detail: 'Only an auditor may ask what another organisation was told; other organisations ask as of a past moment for themselves.' });
export const unknownAsOrganisation = (id: string) => unprocessable({ code: 'status.unknown_organisation', detail: `asOrganisation ${id} is not an organisation in this registry.` });
/** The answer a live read gave then: the supplier was not registered yet. */
export const supplierNotRegisteredAt = (orgNumber: string, asOf: Date) =>
  notFound({ code: 'suppliers.not_found', detail: `No supplier ${formatOrgNumber(orgNumber)} was registered at ${asOf.toISOString()}.` });
/** A receipt is a signed JSON object: CSV cannot carry it. */
export const receiptNotInCsv = () =>
  badRequest({ code: 'status.receipt_not_in_csv', detail: 'A receipt is signed over the JSON answer and cannot be sent as CSV: ask for it with Accept: application/json, or leave receipt out for CSV.' });
