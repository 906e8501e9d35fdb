import { conflict, forbidden, notFound, preconditionFailed, unprocessable } from '../../lib/errors.ts';

export const subscriptionNotFound = (id: string) => notFound({ code: 'subscriptions.not_found', detail: `No subscription ${id} of yours.` });
export const unsafeUrl = (reason: string) => unprocessable({ code: 'subscriptions.unsafe_url', detail: `The webhook URL is not allowed: ${reason}.` });
export const tooManySubscriptions = (max: number) =>
  conflict({ code: 'subscriptions.limit_reached', detail: `An organisation may have at most ${max} subscriptions; delete one first.` });
export const unknownOrganisations = (ids: string[]) =>
  unprocessable({ code: 'subscriptions.unknown_organisation', detail: `filters.affects names organisations this registry does not know: ${ids.join(', ')}.` });
export const affectsNotAllowed = (ids: string[]) =>
  forbidden({
    code: 'subscriptions.affects_not_allowed',
    detail: `filters.affects may name your own organisation (a federation also its members); not: ${ids.join(', ')}.`,
  });
export const subscriptionChanged = (current: string) =>
  preconditionFailed({ code: 'subscriptions.version_mismatch', detail: `The subscription has changed since the ETag your If-Match names; it is now ${current}. Read it again and base your change on that.` });
