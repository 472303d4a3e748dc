import { XMLBuilder } from 'fast-xml-parser';
import { CDATA } from './xml-text';

/**
 * One builder configuration for every fragment of the feed. The builder holds no
 * state between calls, so a fragment is built per job and written straight away.
 * Text goes in CDATA (as Indeed asks); `]]>` inside it is split by the builder.
 */
export function createFeedXmlBuilder(): XMLBuilder {
  return new XMLBuilder({ cdataPropName: CDATA, suppressEmptyNode: false, format: false });
}
