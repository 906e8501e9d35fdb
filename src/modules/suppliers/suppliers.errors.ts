import { notFound, unprocessable } from '../../lib/errors.ts';
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
