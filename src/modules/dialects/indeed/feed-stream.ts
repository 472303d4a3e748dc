import { Readable } from 'node:stream';
import { FEED_FOOTER_XML, feedHeaderXml } from './feed-document';
import { postingJobsXml } from './feed-job';
import type { FeedPosting, FeedPublisher } from './feed-posting';
import { createFeedXmlBuilder } from './feed-xml-builder';

/**
 * Jobs are coalesced into chunks of about this many characters: one write per job
 * would cost a syscall (and a gzip flush point) per 2 KB; much bigger chunks only
 * add memory.
 */
const CHUNK_CHARS = 32 * 1024;

/**
 * The feed as a byte stream. `Readable.from` only pulls the next chunk when the
 * consumer (socket or compressor) asks for more, so a slow client pauses the
 * generator, which in turn stops asking `batches` for rows: memory stays at
 * about one batch plus one chunk whatever the number of postings. Batches are
 * consumed: each posting is dropped from its array once written.
 */
export function feedStream(publisher: FeedPublisher, batches: AsyncIterable<FeedPosting[]>): Readable {
  const builder = createFeedXmlBuilder();
  return xmlDocumentStream({
    header: feedHeaderXml(builder, publisher),
    jobsXml: (posting) => postingJobsXml(builder, posting, publisher.name),
    footer: FEED_FOOTER_XML,
  }, batches);
}

/** One feed dialect's document: its opening text, the XML of one posting's jobs, its closing text. */
export interface XmlDocumentParts {
  header: string;
  jobsXml: (posting: FeedPosting) => string;
  footer: string;
}

/** The streaming loop every XML feed dialect shares (Indeed's here, LinkedIn's in feed-linkedin). */
export function xmlDocumentStream(parts: XmlDocumentParts, batches: AsyncIterable<FeedPosting[]>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(parts.header);
    let pending = '';
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i++) {
        pending += parts.jobsXml(batch[i]);
        // Release each posting once written, so a young-generation GC finds it dead
        // instead of promoting the rest of the batch to the old generation.
        (batch as (FeedPosting | undefined)[])[i] = undefined;
        if (pending.length >= CHUNK_CHARS) {
          yield Buffer.from(pending);
          pending = '';
        }
      }
    }
    yield Buffer.from(pending + parts.footer);
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
