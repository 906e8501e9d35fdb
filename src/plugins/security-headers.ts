import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The API answers JSON only, so nothing it sends may run, load or be framed: a body
 * that a browser was tricked into rendering (a problem+json echoing input, say) stays inert.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Swagger UI at /docs loads its own scripts, styles and images from /docs/static and
 * fetches the document from /docs/json: all same-origin, no inline script. It sets styles
 * at run time (its syntax highlighter), so styles allow 'unsafe-inline', harmless while
 * no script may be injected; its CSS carries data: images. No
 * upgrade-insecure-requests: it would break the UI served over http on a developer's machine.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

const isDocs = (url: string) => url === '/docs' || url.startsWith('/docs/');

/**
 * Security headers on every answer — routes, errors, 404s, replays: no MIME sniffing, no
 * Referer leaving with the registry's URLs (signal and supplier ids), and a CSP.
 * Registered first, at the root, so every route and the not-found handler inherit it.
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('content-security-policy', isDocs(request.url.split('?', 1)[0]!) ? DOCS_CSP : API_CSP);
      return payload;
    });
  },
  { name: 'security-headers' },
);
