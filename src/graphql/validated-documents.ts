import { createHash } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Source characters of the documents kept; a document is at most 1 000 tokens, so this holds thousands. */
const MAX_SOURCE_CHARS = 4 * 1024 * 1024;

export function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/**
 * Apollo's `documentStore` for one schema: Apollo parses (with the token limit) and
 * validates a document once, then stores it here under its SHA-256; every later
 * request for the same text skips both. The public response cache reads the same
 * store to learn whether a request is a query, so a request is never parsed twice.
 * Only Apollo writes, and only documents that passed validation.
 */
export class ValidatedDocuments {
  private readonly documents = new LRUCache<string, DocumentNode>({
    maxSize: MAX_SOURCE_CHARS,
    sizeCalculation: (document) => Math.max(1, document.loc?.source.body.length ?? 1),
  });

  /** Apollo prefixes its keys with the schema's hash; one store serves one schema, so the query hash alone is the key. */
  private static hashOf(key: string): string {
    return key.slice(key.lastIndexOf(':') + 1);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.documents.get(ValidatedDocuments.hashOf(key));
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    this.documents.set(ValidatedDocuments.hashOf(key), document);
  }

  async delete(key: string): Promise<boolean> {
    return this.documents.delete(ValidatedDocuments.hashOf(key));
  }

  /** The validated document for this text, if Apollo has seen it; never parses. */
  lookup(hash: string): DocumentNode | undefined {
    return this.documents.get(hash);
  }
}
