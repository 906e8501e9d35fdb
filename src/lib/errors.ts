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

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** What every error factory takes: one object, so no call site can swap the code and the detail. */
export interface ErrorInit {
  /** The stable dotted code (`signals.not_found`); explained at /problems/{code} (problem-catalogue.ts). */
  code: string;
  /** The sentence for the client: what was wrong and what to do. */
  detail: string;
  /** Further members of the problem body, e.g. `errors` naming the fields. */
  extensions?: Record<string, unknown>;
}

/** One factory per HTTP status, each taking an ErrorInit (papra's createErrorFactory, one status at a time). */
const errorFactory =
  (status: number, title: string) =>
  ({ code, detail, extensions }: ErrorInit): AppError =>
    new AppError(status, code, title, detail, extensions);

export const badRequest = errorFactory(400, 'Bad Request');
export const notFound = errorFactory(404, 'Not Found');
export const conflict = errorFactory(409, 'Conflict');
/** 412 for a write whose If-Match names a version the resource is no longer at. */
export const preconditionFailed = errorFactory(412, 'Precondition Failed');
export const unprocessable = errorFactory(422, 'Unprocessable Content');

// 401 and 403 have a general code for the routes that need no more specific one.
export const unauthorized = ({ code = 'auth.unauthorized', detail }: Partial<Pick<ErrorInit, 'code'>> & Pick<ErrorInit, 'detail'>) =>
  errorFactory(401, 'Unauthorized')({ code, detail });
export const forbidden = ({ code = 'auth.forbidden', detail }: Partial<Pick<ErrorInit, 'code'>> & Pick<ErrorInit, 'detail'>) =>
  errorFactory(403, 'Forbidden')({ code, detail });

/** 429 with Retry-After, rounded up to whole seconds and at least one. */
export const tooManyRequests = ({ retryAfterSeconds, ...init }: ErrorInit & { retryAfterSeconds: number }) => {
  const error = errorFactory(429, 'Too Many Requests')(init);
  error.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return error;
};
