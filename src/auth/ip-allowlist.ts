import ipaddr from 'ipaddr.js';

export type ParsedCidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function parseCidrs(cidrs: readonly string[]): ParsedCidr[] {
  return cidrs.map((cidr) => ipaddr.parseCIDR(cidr));
}

/** True when `ip` is inside one of the ranges (an empty list allows every address). IPv4-mapped IPv6 counts as IPv4. */
export function ipAllowed(ip: string, ranges: readonly ParsedCidr[]): boolean {
  if (ranges.length === 0) return true;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return false;
  }
  return ranges.some(([range, bits]) => addr.kind() === range.kind() && addr.match(range, bits));
}
