import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const linkNotFound = (id: string) => notFound({ code: 'supplier_links.not_found', detail: `No supplier link ${id}.` });
export const selfLink = () => unprocessable({ code: 'supplier_links.self_link', detail: 'fromOrgNumber and toOrgNumber are the same supplier; a supplier is not linked to itself.' });
export const unknownLinkedSupplier = (field: 'fromOrgNumber' | 'toOrgNumber', orgNumber: string) =>
  unprocessable({
    code: 'supplier_links.unknown_supplier',
    detail: `${field} ${formatOrgNumber(orgNumber)} is not a registered supplier; register it with PUT /v1/suppliers/{orgNumber} first.`,
    extensions: { errors: [{ path: field, message: 'is not a registered supplier' }] },
  });
export const duplicateLink = (existingId: string) =>
  conflict({ code: 'supplier_links.duplicate', detail: `These suppliers already have an active link of this kind (${existingId}); end it first to draw it anew.` });
export const notLinkOwner = () =>
  forbidden({ code: 'supplier_links.not_owner', detail: 'A supplier link is ended by the organisation that drew it or by the operator.' });
export const linkAlreadyEnded = () => conflict({ code: 'supplier_links.ended', detail: 'The link has ended already; it stays in the suppliers’ history.' });
