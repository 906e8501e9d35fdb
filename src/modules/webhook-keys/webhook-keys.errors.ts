import { AppError, conflict } from '../../lib/errors.ts';

export const rotationPending = (kid: string, validFrom: Date) =>
  conflict({
    code: 'webhook_keys.rotation_pending',
    detail: `Key ${kid} is published and starts signing at ${validFrom.toISOString()}; rotate again once it has started.`,
  });

export const keysUnavailable = () =>
  new AppError(503, 'webhook_keys.unavailable', 'Service Unavailable', 'The webhook keys cannot be read right now; try again shortly.');
