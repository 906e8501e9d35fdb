import { conflict, notFound, unprocessable } from '../../lib/errors.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const notASupplierOrganisation = (id: string) =>
  unprocessable('representations.not_a_supplier', `Organisation ${id} is not of kind supplier; only a supplier organisation answers for organisation numbers.`);
export const unknownRepresentedSupplier = (orgNumber: string) =>
  unprocessable('representations.unknown_supplier', `${formatOrgNumber(orgNumber)} is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.`, {
    errors: [{ path: 'orgNumber', message: 'is not a registered supplier' }],
  });
export const numberRepresented = (orgNumber: string, by: string) =>
  conflict('representations.taken', `${formatOrgNumber(orgNumber)} is answered for by ${by} already; end that first.`);
export const representationNotFound = (id: string, orgNumber: string) =>
  notFound('representations.not_found', `Organisation ${id} does not answer for ${formatOrgNumber(orgNumber)} now.`);
