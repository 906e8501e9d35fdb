import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { preconditionFailed } from '../../lib/preconditions.ts';

export const subscriptionNotFound = (id: string) => notFound('subscriptions.not_found', `No subscription ${id} of yours.`);
export const unsafeUrl = (reason: string) => unprocessable('subscriptions.unsafe_url', `The webhook URL is not allowed: ${reason}.`);
export const tooManySubscriptions = (max: number) =>
  conflict('subscriptions.limit_reached', `An organisation may have at most ${max} subscriptions; delete one first.`);
export const unknownOrganisations = (ids: string[]) =>
  unprocessable('subscriptions.unknown_organisation', `filters.affects names organisations this registry does not know: ${ids.join(', ')}.`);
export const affectsNotAllowed = (ids: string[]) =>
  forbidden(
    `filters.affects may name your own organisation (a federation also its members); not: ${ids.join(', ')}.`,
    'subscriptions.affects_not_allowed',
  );
export const subscriptionChanged = (current: string) =>
  preconditionFailed('subscriptions.version_mismatch', `The subscription has changed since the ETag your If-Match names; it is now ${current}. Read it again and base your change on that.`);
