import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const notASupplierOrganisation = (id: string) =>
  unprocessable({ code: 'representations.not_a_supplier', detail: `Organisation ${id} is not of kind supplier; only a supplier organisation answers for organisation numbers.` });
export const unknownRepresentedSupplier = (orgNumber: string) =>
  unprocessable({
    code: 'representations.unknown_supplier',
    detail: `${formatOrgNumber(orgNumber)} is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.`,
    extensions: { errors: [{ path: 'orgNumber', message: 'is not a registered supplier' }] },
  });
export const numberRepresented = (orgNumber: string, by: string) =>
  conflict({ code: 'representations.taken', detail: `${formatOrgNumber(orgNumber)} is answered for by ${by} already; end that first.` });
export const representationNotFound = (id: string, orgNumber: string) =>
  notFound({ code: 'representations.not_found', detail: `Organisation ${id} does not answer for ${formatOrgNumber(orgNumber)} now.` });
export const representationsNotYours = () =>
  forbidden({ code: 'representations.not_yours', detail: 'A supplier organisation reads only its own organisation numbers.' });
