import { STATUS_CODES } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../lib/errors.ts';
import { problemCatalogue, problemTypeUri } from '../lib/problem-catalogue.ts';
import { problems } from '../lib/schemas.ts';

const problemPageSchema = z
  .object({
    type: z.string().describe('This page: the `type` of every problem with this code.'),
    code: z.string().describe('The stable, dotted error code.'),
    status: z.number().int().describe('The HTTP status a problem with this code is answered with.'),
    title: z.string().describe('The status’s reason phrase, as in the problem’s `title`.'),
    explanation: z.string().describe('What the error means and what to do about it.'),
  })
  .meta({ id: 'ProblemPage', description: 'What an error code means: the page a problem’s `type` URI points to.' });

// RFC 9110's reason phrases, which the problems' titles use; Node still has the older names for these two.
const rfc9110Titles: Record<number, string> = { 413: 'Content Too Large', 422: 'Unprocessable Content' };
const titleOf = (status: number) => rfc9110Titles[status] ?? STATUS_CODES[status] ?? 'Error';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(page: z.output<typeof problemPageSchema>): string {
  const [code, status, title, explanation] = [page.code, String(page.status), page.title, page.explanation].map(escapeHtml);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${code} — Supplier Signal Registry</title></head>
<body><main>
<h1><code>${code}</code></h1>
<p><strong>${status} ${title}</strong></p>
<p>${explanation}</p>
<p>Answered as RFC 9457 <code>application/problem+json</code> with <code>"code": "${code}"</code>; its <code>detail</code> says more about each occurrence, and <code>requestId</code> finds it in the registry’s log. <a href="/docs">API documentation</a></p>
</main></body></html>
`;
}

/**
 * GET /problems/{code}: the page a problem's `type` URI resolves to, one per code of the
 * catalogue (src/lib/problem-catalogue.ts). HTML for a browser, JSON when asked for.
 * Public like /healthz: it tells nothing about any resource.
 */
export const problemPageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems/:code',
    {
      schema: {
        operationId: 'getProblemType',
        summary: 'What an error code means (the page a problem’s `type` points to)',
        description:
          'Every error is RFC 9457 problem+json whose `type` is `/problems/{code}`, relative to the registry’s origin; this explains the code: its status and what to do. HTML by default; send `Accept: application/json` for JSON. Needs no token. A code the registry does not answer with is a 404 `problems.not_found`.',
        tags: ['health'],
        security: [],
        params: z.object({ code: z.string().max(100).meta({ example: 'signals.version_mismatch' }) }).strict(),
        response: {
          200: {
            description: 'The error code explained.',
            content: {
              'text/html': { schema: z.string().describe('A short HTML page.') },
              'application/json': { schema: problemPageSchema },
            },
          },
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const entry = problemCatalogue.get(code);
      if (!entry) throw notFound({ code: 'problems.not_found', detail: 'The registry answers with no such error code; each code it answers with is explained at /problems/{code}.' });
      const page = { type: problemTypeUri(code), code, status: entry.status, title: titleOf(entry.status), explanation: entry.explanation };
      reply.header('vary', 'Accept');
      const accept = request.headers.accept ?? '';
      // A browser asks for text/html; a client that asks for JSON only gets JSON.
      if (/json/.test(accept) && !/text\/html/.test(accept)) return reply.type('application/json').send(page);
      return reply.type('text/html; charset=utf-8').send(html(page));
    },
  );
};
