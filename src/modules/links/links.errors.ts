import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const linkNotFound = (id: string) => notFound('supplier_links.not_found', `No supplier link ${id}.`);
export const selfLink = () => unprocessable('supplier_links.self_link', 'fromOrgNumber and toOrgNumber are the same supplier; a supplier is not linked to itself.');
export const unknownLinkedSupplier = (field: 'fromOrgNumber' | 'toOrgNumber', orgNumber: string) =>
  unprocessable(
    'supplier_links.unknown_supplier',
    `${field} ${formatOrgNumber(orgNumber)} is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.`,
    { errors: [{ path: field, message: 'is not a registered supplier' }] },
  );
export const duplicateLink = (existingId: string) =>
  conflict('supplier_links.duplicate', `These suppliers already have an active link of this kind (${existingId}); end it first to draw it anew.`);
export const notLinkOwner = () =>
  forbidden('A supplier link is ended by the organisation that drew it or by the operator.', 'supplier_links.not_owner');
export const linkAlreadyEnded = () => conflict('supplier_links.ended', 'The link has ended already; it stays in the suppliers’ history.');
