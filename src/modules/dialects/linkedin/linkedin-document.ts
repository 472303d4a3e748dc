import type { Readable } from 'node:stream';
import { XML_DECLARATION } from '../indeed/feed-document';
import type { FeedPosting, FeedPublisher } from '../indeed/feed-posting';
import { xmlDocumentStream } from '../indeed/feed-stream';
import { createFeedXmlBuilder } from '../indeed/feed-xml-builder';
import { cdata } from '../indeed/xml-text';
import { linkedinJobsXml, type LinkedinCompany } from './linkedin-job';

/**
 * LinkedIn's feed document: `<source>` with the publisher elements, then the jobs.
 * The streaming, chunking and escaping are the Indeed feed's own.
 */
export function linkedinFeedStream(publisher: FeedPublisher, company: LinkedinCompany, batches: AsyncIterable<FeedPosting[]>): Readable {
  const builder = createFeedXmlBuilder();
  const head = builder.build({
    lastBuildDate: cdata(publisher.lastBuildDate.toUTCString()),
    publisherUrl: cdata(publisher.url),
    publisher: cdata(publisher.name),
  });
  return xmlDocumentStream(
    {
      header: `${XML_DECLARATION}\n<source>\n${head}\n`,
      jobsXml: (posting) => linkedinJobsXml(builder, posting, company),
      footer: '</source>\n',
    },
    batches,
  );
}
