import type { TestApp } from '../helpers/test-app';

/** `jobgate_search_notices_total{destination, outcome}` as /metrics shows it (0 before the first). */
export async function noticeCount(t: TestApp, destination: 'INDEXNOW' | 'GOOGLE', outcome: 'sent' | 'refused' | 'retried'): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics' });
  const line = new RegExp(`^jobgate_search_notices_total\\{destination="${destination}",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(res.body);
  return line ? Number(line[1]) : 0;
}
