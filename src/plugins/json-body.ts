import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

/**
 * A JSON text can name a UTF-16 surrogate only by a `\uD800`–`\uDFFF` escape: raw UTF-8
 * cannot encode one (an invalid byte sequence is decoded to U+FFFD). So a body without
 * such an escape holds no unpaired surrogate, and is not walked. The pattern also matches
 * an escaped backslash before the letters `uD8`; then the walk finds the strings whole.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Whether any string of a parsed JSON value, a key included, holds an unpaired surrogate
 * (`String.prototype.isWellFormed`). Iterative: a body nested as deep as its size allows
 * must not exhaust the stack.
 */
export function holdsLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (!next.isWellFormed()) return true;
    } else if (Array.isArray(next)) {
      // One by one: spreading an array of 100,000 items into push would exceed the arguments a call may take.
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, member] of Object.entries(next)) {
        if (!key.isWellFormed()) return true;
        pending.push(member);
      }
    }
  }
  return false;
}

export const loneSurrogate = () =>
  new AppError(
    400,
    'input.invalid_unicode',
    'Bad Request',
    'A string in the body holds an unpaired surrogate (a \\uD800–\\uDFFF escape without its pair), which is not Unicode text: send well-formed UTF-8 (RFC 8259 §8.2, I-JSON RFC 7493 §2.1).',
  );

/**
 * The API's JSON bodies: fastify's own parser (its prototype-poisoning rules), and then a
 * body whose strings are not well-formed Unicode is refused with 400 `input.invalid_unicode`
 * before validation. Such a string cannot be stored as it was sent: PostgreSQL refuses it
 * in a JSON document (the request failed with a 500 in the middle of its transaction),
 * and a text column would hold U+FFFD in its place, so that what was hashed into the audit
 * chain and what is stored would differ.
 */
export function registerJsonBodyParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // bodyLimit given again: a parser added without one has no limit of its own (a route's bodyLimit still overrides it).
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    void parse(request, body as string, (error, parsed) => {
      if (error) return done(error, undefined);
      if (SURROGATE_ESCAPE.test(body as string) && holdsLoneSurrogate(parsed)) return done(loneSurrogate(), undefined);
      done(null, parsed);
    });
  });
}
