import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptionHtml } from '../../src/modules/dialects/indeed/description-html';
import { referenceNumber } from '../../src/modules/dialects/indeed/reference-number';
import { xmlText } from '../../src/modules/dialects/indeed/xml-text';
import { setTenant } from '../../src/db/request-scope';
import { Posting } from '../../src/modules/postings/posting.entity';
import { createOrg, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, getFeed, location, parseFeed, type PostingInput } from './helpers';

let t: TestApp;
let org: SeededOrg;

/** PostgreSQL refuses NUL in text, so it cannot reach the feed (the unit tests cover it). */
const CONTROLS = '\u0001\u0002\u0007\u0008\u000B\u000C\u000E\u001B\u001F\uFFFE\uFFFF';
const LONE_SURROGATES = 'a\uD800b\uDFFFc';

/** Stored as-is (no sanitizer on this path): the feed alone must keep the document well-formed. */
const HOSTILE: PostingInput[] = [
  { title: 'CDATA ]]> breaker ]]]]> and ]]>]]>', descriptionHtml: '<p>end ]]> of CDATA</p>]]><job><title>forged</title></job><![CDATA[' },
  { title: '<script>alert("x")</script> & Co', descriptionHtml: '<script>document.cookie</script><p>R&amp;D & more <b>bold</b></p>' },
  { title: `Controls${CONTROLS} gone\ttab\nline\rcr`, descriptionHtml: `<p>bell\u0007 escape\u001B ${LONE_SURROGATES}</p>` },
  { title: 'Emoji 🚀👩🏽‍💻 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', descriptionHtml: '<p>🎉 Ship it 🇫🇷</p>' },
  {
    title: 'מהנדס תוכנה בכיר \u202B(RTL)\u202C — مهندس برمجيات',
    descriptionHtml: '<p dir="rtl">שלום עולם \u200F & مرحبا</p>',
    team: 'צוות ]]> & <team>',
    locations: [location('תל אביב ]]>', 'תל אביב', 'מחוז תל אביב', 'IL', '<61000>')],
    salaryDescription: 'Equity ]]> & <more>',
    lists: [{ title: 'You & <we> ]]>', contentHtml: '<li>one ]]> two</li>', contentPlain: 'one ]]> two' }],
  },
];

async function reload(postings: Posting[]): Promise<Posting[]> {
  const em = t.orm.em.fork();
  setTenant(em, org.organizationId, true);
  return em.find(Posting, { id: { $in: postings.map((p) => p.id) } });
}

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
});
afterAll(() => t.close());

describe('hostile content', () => {
  it('always produces valid XML whose text equals the content minus forbidden characters (line ends as LF)', async () => {
    const created = await createPostings(t, org.organizationId, HOSTILE);
    // Compare with what the database holds (the driver stores a lone surrogate as U+FFFD).
    const postings = await reload(created);
    const res = await getFeed(t, org.slug);
    expect(res.statusCode).toBe(200);
    const feed = parseFeed(res.body); // validates, and rejects any forbidden character
    expect(feed.job).toHaveLength(HOSTILE.length);
    expect(feed.job!.map((j) => j.title)).not.toContain('forged');

    for (const p of postings) {
      const job = feed.job!.find((j) => j.referencenumber === referenceNumber(p.id, p.locations[0]))!;
      expect(job.title).toBe(xmlText(p.title));
      expect(job.description).toBe(xmlText(descriptionHtml(p)));
    }
    const rtl = feed.job!.find((j) => j.title.startsWith('מהנדס'))!;
    expect(rtl.category).toBe('צוות ]]> & <team>');
    expect(rtl.city).toBe('תל אביב');
    expect(rtl.postalcode).toBe('<61000>');
    expect(rtl.salary).toBe('Equity ]]> & <more>');
    expect(rtl.description).toContain('<h3>You &amp; &lt;we&gt; ]]&gt;</h3>\n<ul><li>one ]]> two</li></ul>');

    const controls = feed.job!.find((j) => j.title.startsWith('Controls'))!;
    expect(controls.title).toBe('Controls gone\ttab\nline\ncr'); // CR becomes LF, as any XML parser would make it
    expect(controls.description).toBe('<p>bell escape a\uFFFDb\uFFFDc</p>');
  });

  it('is byte-for-byte UTF-8 (emoji and RTL survive the round trip)', async () => {
    const res = await getFeed(t, org.slug);
    const bytes = res.rawPayload;
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(res.body);
    expect(res.body).toContain('🚀👩🏽‍💻');
    expect(res.body).toContain('مهندس برمجيات');
  });
});
