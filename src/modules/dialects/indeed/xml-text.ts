/**
 * Characters XML 1.0 forbids anywhere in a document, even inside CDATA:
 * C0 controls other than tab, LF and CR, unpaired UTF-16 surrogates, and the
 * non-characters U+FFFE and U+FFFF. A single one makes the whole feed unparseable
 * for a job board, so they are removed from every piece of text we write.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * XML parsers turn every CR and CRLF into LF (XML 1.0 §2.11, even inside CDATA), so
 * we write LF ourselves: what a job board reads is then exactly what we wrote.
 */
export function xmlText(text: string): string {
  return stripForbiddenXmlChars(text).replace(/\r\n?/g, '\n');
}

/** The node shape fast-xml-parser's builder turns into `<![CDATA[…]]>` (see feed-xml-builder.ts). */
export const CDATA = '#cdata';

export interface CdataNode {
  [CDATA]: string;
}

/**
 * Text destined for a CDATA section. The builder splits a literal `]]>` as
 * `]]]]><![CDATA[>`, so only the characters (and line ends) are our job here.
 */
export function cdata(text: string): CdataNode {
  return { [CDATA]: xmlText(text) };
}
