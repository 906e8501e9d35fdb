import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { preconditionFailed, versionTag } from '../../lib/preconditions.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';

export const supplierNotFound = (orgNumber: string) =>
  notFound('suppliers.not_found', `No supplier ${formatOrgNumber(orgNumber)} is registered.`);
export const soleTraderNotConfirmed = () =>
  unprocessable(
    'suppliers.sole_trader_unconfirmed',
    'This number is a personnummer, i.e. a sole trader (enskild firma). Send soleTrader: true to register it as one.',
  );
export const notASoleTrader = () =>
  unprocessable('suppliers.not_sole_trader', 'soleTrader: true was sent, but this is the number of a legal entity, not a personnummer.');
export const unitNotFound = (unitId: string) =>
  unprocessable('suppliers.unit_not_found', `Unit ${unitId} is not a unit of this supplier.`);
export const notSupplierOwner = (orgNumber: string) =>
  forbidden(
    `Supplier ${formatOrgNumber(orgNumber)} may be changed by the organisation that registered it, the owner of an agreement it is party to, or the operator.`,
    'suppliers.not_owner',
  );
export const operatorCannotRegister = () =>
  forbidden('The operator changes registered suppliers; members register new ones.', 'suppliers.operator_cannot_register');
export const changeReasonRequired = () =>
  unprocessable('suppliers.reason_required', 'Changing a registered supplier’s name or units needs a reason; it is kept in the supplier’s history.');
export const notRepresented = () =>
  forbidden('A supplier organisation reads only the suppliers whose organisation numbers it answers for.', 'suppliers.not_represented');
export const supplierVersionMismatch = (current: number) =>
  preconditionFailed(
    'suppliers.version_mismatch',
    `The supplier record is at version ${current} (ETag ${versionTag(current)}), not the version If-Match names; nothing was changed. Read it again and base the change on version ${current}.`,
  );
export const supplierNotYetRegistered = (orgNumber: string) =>
  preconditionFailed('suppliers.version_mismatch', `No supplier ${formatOrgNumber(orgNumber)} is registered, so no version of it matches If-Match; leave If-Match out to register it.`);
