import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppError } from '../../errors';
import type { PostingRow } from '../postings';
import type { DialectServices } from './dialect-services';
import type { DialectSite, DialectSiteRepository } from './dialect-site.repository';

/** What a dialect's routes are given: the instance's services and the shared organization lookup (cached, cleared on settings changes). */
export interface DialectContext {
  services: DialectServices;
  sites: DialectSiteRepository;
}

/**
 * A public dialect: another product's public API or feed format, spoken over Jobgate's
 * public postings (Lever Postings v0, Greenhouse Job Board, the Indeed XML feed). Each is
 * one folder implementing this, plus one line in registry.ts. The registry gives each
 * dialect its own plugin scope with the text guard and an error handler that renders
 * every refusal through `sendError`; reads go through the public postings query and
 * visibility rule, applies through the one apply use case (applications/apply.service.ts).
 */
export interface Dialect<Row = PostingRow, Posting = unknown> {
  /** Its name, in logs and response cache keys. */
  readonly name: string;
  /** The organization switch: whether this organization serves the dialect; off answers exactly like an unknown organization. */
  enabledFor(site: DialectSite): boolean;
  /** The mapping from the public posting (the row every public surface reads) to the dialect's own posting. */
  mapPosting(row: Row, site: DialectSite, publicUrl: string): Posting;
  /**
   * The error shape: every refusal on the dialect's routes (bad input, not found, a refused
   * key, an outage with its Retry-After already set, a body too large, a failure) is sent
   * here with its HTTP status and message, and the service's error when there is one.
   */
  sendError(reply: FastifyReply, status: number, message: string, error: AppError | null): FastifyReply;
  /**
   * The routes, registered in the dialect's own plugin scope. Each declares where its caller
   * comes from (`config: { caller }`, see http/scope-hook.ts): reads name their organization
   * by slug (`org-slug`), applies take the organization's postings key (`header` or `query-key`).
   */
  registerRoutes(scope: FastifyInstance, context: DialectContext): Promise<void>;
}
