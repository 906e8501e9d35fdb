/**
 * One error shape for the whole service. Modules throw AppErrors built by small
 * factories with stable dotted codes; the errors plugin turns them into RFC 9457
 * problem+json.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  /** Response headers that belong to the error, e.g. Retry-After on a 429. */
  headers: Record<string, string> = {};

  constructor(status: number, code: string, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.extensions = extensions;
  }
}

export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) => {
  const error = new AppError(429, code, 'Too Many Requests', detail);
  error.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return error;
};

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export const notFound = (code: string, detail: string) => new AppError(404, code, 'Not Found', detail);
export const conflict = (code: string, detail: string) => new AppError(409, code, 'Conflict', detail);
export const forbidden = (detail: string, code = 'auth.forbidden') => new AppError(403, code, 'Forbidden', detail);
export const unauthorized = (detail: string, code = 'auth.unauthorized') => new AppError(401, code, 'Unauthorized', detail);
export const unprocessable = (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
  new AppError(422, code, 'Unprocessable Content', detail, extensions);
export const badRequest = (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
  new AppError(400, code, 'Bad Request', detail, extensions);
