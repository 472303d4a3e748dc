import type { TestApp } from '../helpers/test-app';
import { multipart, type Part } from '../helpers/multipart';

export interface Html {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export async function get(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<Html> {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

/** The one JSON-LD block of a posting page, parsed. */
export function jsonLdOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD block');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

/** Opens the apply form as a browser does, for its hidden token (the form sets no cookie). */
export async function openForm(t: TestApp, path: string): Promise<{ token: string; html: string; headers: Html['headers'] }> {
  const res = await t.app.inject({ method: 'GET', url: path });
  if (res.statusCode !== 200) throw new Error(`form ${path}: ${res.statusCode}`);
  const token = /name="token" value="([^"]+)"/.exec(res.body)?.[1];
  if (!token) throw new Error('form without token');
  return { token, html: res.body, headers: res.headers };
}

/** Posts the form; `headers` are what a browser adds (Origin, Referer); none is a non-browser client. */
export async function submitForm(t: TestApp, path: string, headers: Record<string, string> | null, parts: Part[], remoteAddress?: string): Promise<Html> {
  const form = multipart(parts);
  const res = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': form.contentType, ...(headers ?? {}) },
    payload: form.body,
    remoteAddress,
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}
