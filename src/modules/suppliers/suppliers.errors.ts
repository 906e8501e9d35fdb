import { forbidden, notFound, preconditionFailed, unprocessable } from '../../lib/errors.ts';
import { versionTag } from '../../lib/preconditions.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const supplierNotFound = (orgNumber: string) =>
  notFound({ code: 'suppliers.not_found', detail: `No supplier ${formatOrgNumber(orgNumber)} is registered.` });
export const soleTraderNotConfirmed = () =>
  unprocessable({
    code: 'suppliers.sole_trader_unconfirmed',
    detail: 'This number is a personnummer, i.e. a sole trader (enskild firma). Send soleTrader: true to register it as one.',
  });
export const notASoleTrader = () =>
  unprocessable({ code: 'suppliers.not_sole_trader', detail: 'soleTrader: true was sent, but this is the number of a legal entity, not a personnummer.' });
export const unitNotFound = (unitId: string) =>
  unprocessable({ code: 'suppliers.unit_not_found', detail: `Unit ${unitId} is not a unit of this supplier.` });
export const notSupplierOwner = (orgNumber: string) =>
  forbidden({
    code: 'suppliers.not_owner',
    detail: `Supplier ${formatOrgNumber(orgNumber)} may be changed by the organisation that registered it, the owner of an agreement it is party to, or the operator.`,
  });
export const operatorCannotRegister = () =>
  forbidden({ code: 'suppliers.operator_cannot_register', detail: 'The operator changes registered suppliers; members register new ones.' });
export const changeReasonRequired = () =>
  unprocessable({ code: 'suppliers.reason_required', detail: 'Changing a registered supplier’s name or units needs a reason; it is kept in the supplier’s history.' });
export const notRepresented = () =>
  forbidden({ code: 'suppliers.not_represented', detail: 'A supplier organisation reads only the suppliers whose organisation numbers it answers for.' });
export const supplierVersionMismatch = (current: number) =>
  preconditionFailed({
    code: 'suppliers.version_mismatch',
    detail: `The supplier record is at version ${current} (ETag ${versionTag(current)}), not the version If-Match names; nothing was changed. Read it again and base the change on version ${current}.`,
  });
export const supplierNotYetRegistered = (orgNumber: string) =>
  preconditionFailed({ code: 'suppliers.version_mismatch', detail: `No supplier ${formatOrgNumber(orgNumber)} is registered, so no version of it matches If-Match; leave If-Match out to register it.` });
