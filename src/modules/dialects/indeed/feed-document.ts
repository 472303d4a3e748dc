import type { XMLBuilder } from 'fast-xml-parser';
import { feedDate } from './feed-job';
import type { FeedPublisher } from './feed-posting';
import { cdata } from './xml-text';

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Everything before the first `<job>`: the declaration and the opening of `<source>` with its publisher elements. */
export function feedHeaderXml(builder: XMLBuilder, publisher: FeedPublisher): string {
  const head = builder.build({
    publisher: cdata(publisher.name),
    publisherurl: cdata(publisher.url),
    lastBuildDate: cdata(feedDate(publisher.lastBuildDate)),
  });
  return `${XML_DECLARATION}\n<source>\n${head}\n`;
}

export const FEED_FOOTER_XML = '</source>\n';
