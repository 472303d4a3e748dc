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
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(feedHeaderXml(builder, publisher));
    let pending = '';
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i++) {
        pending += postingJobsXml(builder, batch[i], publisher.name);
        // Release each posting once written, so a young-generation GC finds it dead
        // instead of promoting the rest of the batch to the old generation.
        (batch as (FeedPosting | undefined)[])[i] = undefined;
        if (pending.length >= CHUNK_CHARS) {
          yield Buffer.from(pending);
          pending = '';
        }
      }
    }
    yield Buffer.from(pending + FEED_FOOTER_XML);
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
