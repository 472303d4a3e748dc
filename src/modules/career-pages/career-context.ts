import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { scopeOfRequest } from '../../http/scope-hook';
import { LRUCache } from 'lru-cache';
import type { CareerServices } from './career-services';
import type { Organization } from '../organizations';
import { CareerPageReads } from './career-page-reads';
import { FormTokens } from './form-token';
import { isNotModified } from '../../http/conditional-get';
import { usableOrigins } from '../../http/origin';
import { CareerPageCache, type Page } from './page-cache';
import { securityHeaders, sendHtml, type PageSecurity } from './page-headers';
import type { BrandHeader } from './views/layout';
import { messagePage } from './views/message-page';
import { HTTP_STATUS, type ServiceUnavailableError } from '../../errors';

/** What a board-scoped page needs of its organization. */
export interface Board {
  organization: Organization;
  /** The request's own fork, scoped to this organization by the scope hook (the route's caller source is `org-slug`). */
  em: EntityManager;
  basePath: string;
  brand: BrandHeader;
  security: PageSecurity;
}

/**
 * Shared by the career page handlers of one instance: the services, the pages'
 * reads and cache, form tokens, and a slug → organization id map (slugs never
 * change) so a cached page is served without touching the database.
 */
export class CareerContext {
  readonly reads: CareerPageReads;
  readonly cache: CareerPageCache;
  readonly tokens: FormTokens;
  private readonly slugIds = new LRUCache<string, string>({ max: 10_000 });

  constructor(readonly services: CareerServices) {
    this.reads = new CareerPageReads(services.orm);
    this.cache = new CareerPageCache(services.publicCache);
    // A key of its own, derived from the master key, so form tokens can never pass for another signature.
    this.tokens = new FormTokens(createHmac('sha256', services.masterKey).update('jobgate career-page forms').digest());
  }

  get publicUrl(): string {
    return this.services.config.publicUrl;
  }

  /** The organization id behind a slug if it was seen before (a cache key can be made without a query). */
  knownOrganizationId(slug: string): string | undefined {
    return this.slugIds.get(slug);
  }

  /** The board's organization, or null when unknown or switched off (both answer the same 404). */
  async board(request: FastifyRequest<{ Params: { slug: string } }>): Promise<Board | null> {
    const { slug } = request.params;
    const { em } = scopeOfRequest(request);
    const organization = await this.reads.organizationBySlug(em, slug);
    if (!organization) return null;
    this.slugIds.set(slug, organization.id);
    if (organization.settings.careersPageEnabled === false) return null;
    const basePath = `/jobs/${encodeURIComponent(organization.slug)}`;
    return {
      organization,
      em,
      basePath,
      brand: { name: organization.name, boardPath: basePath, logoPath: organization.settings.logoFileId ? `${basePath}/logo.png` : null },
      security: { frameOrigins: usableOrigins(organization.settings.allowedOrigins), scriptHashes: [] },
    };
  }

  notFound(reply: FastifyReply, board?: Board | null) {
    const html = messagePage({
      title: 'Page not found',
      message: board
        ? 'This job is no longer open, or the link is wrong. Other open jobs are on the board.'
        : 'There is no job board at this address. Check the link you followed.',
      brand: board?.brand,
      link: board ? { href: board.basePath, text: `See all jobs at ${board.organization.name}` } : { href: '/', text: 'Go to the home page' },
    });
    return sendHtml(reply, 404, html, { ...securityHeaders({ frameOrigins: board?.security.frameOrigins ?? [], scriptHashes: [] }), 'cache-control': 'no-store' });
  }

  /** The database or file store is down (503), or the store's disk is full (507): come back later, nothing was submitted. */
  unavailable(reply: FastifyReply, error: ServiceUnavailableError) {
    const full = error.code === 'INSUFFICIENT_STORAGE';
    const html = messagePage({
      title: full ? 'We cannot take files right now' : 'Temporarily unavailable',
      message: full
        ? 'We cannot store files at the moment, so nothing was submitted. Please try again later.'
        : 'This page is temporarily unavailable, and nothing was submitted. Please try again in a few seconds.',
      link: { href: '/', text: 'Go to the home page' },
    });
    return sendHtml(reply, HTTP_STATUS[error.code], html, {
      ...securityHeaders({ frameOrigins: [], scriptHashes: [] }),
      'cache-control': 'no-store',
      'retry-after': String(error.retryAfterSeconds),
    });
  }

  /** Sends a cacheable page, or 304 when the client already holds these bytes. */
  sendPage(request: FastifyRequest, reply: FastifyReply, page: Page, hit: boolean) {
    void reply.headers(page.headers).header('etag', page.etag).header('cache-control', 'no-cache').header('x-cache', hit ? 'HIT' : 'MISS');
    // Pages carry no Last-Modified, so only If-None-Match can make them fresh.
    if (isNotModified(request.headers, { etag: page.etag })) return reply.code(304).send();
    return reply.code(200).send(page.body);
  }
}
