import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadInputError } from '../../errors';

const MAX_URL_LENGTH = 2000;

/**
 * Why `address` may not receive a webhook, or null when it is a public unicast
 * address. The same rule as request-filtering-agent applies at connect time
 * (ipaddr.js's `range()` must be `unicast`): loopback, private, link-local (which
 * holds the cloud metadata address 169.254.169.254), unique-local, unspecified,
 * multicast and IPv4-mapped IPv6 are all refused.
 */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? null : `resolves to a non-public address (${range})`;
}

/**
 * Checks a subscriber's URL before it is stored: https, no credentials in it, and a
 * host that resolves to public addresses only. The connection is checked again at
 * connect time (webhook-sender.ts), so a DNS answer that changes later is caught there.
 * `allowPrivateNetworks` (development and tests) allows http and private addresses.
 */
export async function assertDeliverableUrl(raw: string, allowPrivateNetworks: boolean): Promise<string> {
  const refuse = (why: string) => BadInputError.field('url', `url ${why}`);
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) throw refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('is not a valid absolute URL');
  }
  const schemes = allowPrivateNetworks ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw refuse('must use https');
  if (url.username || url.password) throw refuse('must not contain credentials');
  if (url.hash) throw refuse('must not contain a fragment');
  if (allowPrivateNetworks) return url.toString();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolveAll(host, refuse);
  for (const address of addresses) {
    const reason = refusedAddressReason(address);
    if (reason) throw refuse(reason);
  }
  return url.toString();
}

async function resolveAll(host: string, refuse: (why: string) => BadInputError): Promise<string[]> {
  try {
    const answers = await lookup(host, { all: true, verbatim: true });
    if (answers.length === 0) throw refuse('host does not resolve');
    return answers.map((a) => a.address);
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw refuse('host does not resolve');
  }
}
