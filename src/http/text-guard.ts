import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadInputError, type FieldProblem } from '../errors';
import { textProblem, textProblemsIn } from '../text-problems';

/**
 * One check at the edge of every non-GraphQL surface (hosted pages, Lever,
 * Greenhouse, the feed, files, uploads): text PostgreSQL cannot take (NUL, lone
 * surrogates) and percent-encoding that is not UTF-8 (overlong `%C0%80`, `%ED%A0%80`,
 * `%FF`) are refused with 400 naming the field, before any handler or query runs.
 * GraphQL has its own, equal check (graphql/request-guard.ts), on the same rule.
 */

/** How a surface answers the refusal in its own shape; without one, a BadInputError for the scope's error handler. */
export type TextRefusal = (request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[]) => FastifyReply;

/** A refusal by this check, so a surface that renders its own page can tell it from other bad input. */
export class BadTextError extends BadInputError {}

const UNDECODABLE = 'must be valid UTF-8 text (its percent-encoding is not)';

function decoded(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The query string as sent: Fastify's parser keeps undecodable bytes as they came, so they are caught here. */
function queryProblems(url: string): FieldProblem[] {
  const mark = url.indexOf('?');
  if (mark === -1) return [];
  const problems: FieldProblem[] = [];
  for (const pair of url.slice(mark + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const name = decoded(rawName);
    const value = eq === -1 ? '' : decoded(pair.slice(eq + 1));
    const field = name !== null && !textProblem(name) ? name : rawName;
    if (name === null || value === null) problems.push({ field, message: UNDECODABLE });
    else {
      const problem = textProblem(name) ?? textProblem(value);
      if (problem) problems.push({ field, message: problem });
    }
  }
  return problems;
}

/** Path parameters, the query string and a parsed body (JSON or urlencoded); multipart fields are checked as they are read ({@link assertTextField}). */
export function requestTextProblems(request: FastifyRequest): FieldProblem[] {
  const body = request.body;
  const problems = [
    ...textProblemsIn(request.params ?? {}),
    ...queryProblems(request.url),
    ...(typeof body === 'string' || (body !== null && typeof body === 'object') ? textProblemsIn(body) : []),
  ];
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && Boolean(seen.add(p.field)));
}

/** A preValidation hook for a surface's scope or route. */
export function textGuard(refuse?: TextRefusal) {
  return async function refuseBadText(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const problems = requestTextProblems(request);
    if (!problems.length) return;
    if (refuse) return refuse(request, reply, problems);
    throw new BadTextError(problems);
  };
}

/** One multipart text field, checked as it arrives (so a stream with files can stop early). */
export function assertTextField(field: string, value: string): void {
  const problem = textProblem(value) ?? textProblem(field);
  if (problem) throw new BadTextError([{ field: textProblem(field) ? JSON.stringify(field) : field, message: problem }]);
}
