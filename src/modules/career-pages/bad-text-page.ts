import type { FastifyReply } from 'fastify';
import type { FieldProblem } from '../../errors';
import type { BrandHeader } from './views/layout';
import { securityHeaders, sendHtml } from './page-headers';
import { messagePage } from './views/message-page';

/** The sentence a visitor reads: which field, and what is wrong with it. */
export function problemSentence(problem: FieldProblem): string {
  return `The “${problem.field}” field ${problem.message}.`;
}

/**
 * The hosted pages' answer to text the edge check refuses (a NUL in `?q=`, a
 * broken percent-encoding in a link, a NUL in a form field): the site's message
 * page, 400, naming the field — an HTML page, as everywhere else on these pages.
 */
export function sendBadTextPage(reply: FastifyReply, problems: FieldProblem[], brand?: BrandHeader): FastifyReply {
  const html = messagePage({
    title: 'This link or form contains text we cannot read',
    message: problems.slice(0, 3).map(problemSentence).join(' '),
    brand,
    link: { href: '/', text: 'Go to the home page' },
  });
  return sendHtml(reply, 400, html, { ...securityHeaders({ frameOrigins: [], scriptHashes: [] }), 'cache-control': 'no-store' });
}
