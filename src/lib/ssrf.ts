import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach: loopback, private, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, multicast, unspecified and
 * reserved ranges, for IPv4, IPv6 and IPv4-mapped IPv6.
 */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // ::/96 holds the unspecified and loopback addresses and the deprecated
  // IPv4-compatible form ::a.b.c.d.
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
  // 6to4 and Teredo carry an IPv4 address inside; refuse them rather than decode them.
  ['2002::', 16],
  ['2001::', 32],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // ::ffff:a.b.c.d and ::ffff:7f00:1 both stand for an IPv4 address.
    const mapped = /^::ffff:(?:0:)?(.+)$/i.exec(address);
    if (mapped) {
      const inner = mapped[1]!;
      if (isIP(inner) === 4) return forbidden.check(inner, 'ipv4');
      const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(inner);
      if (hex) {
        const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
        return forbidden.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
      }
      return true;
    }
    return forbidden.check(address, 'ipv6');
  }
  return forbidden.check(address, 'ipv4');
}

export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or reserved address`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for outgoing connections that refuses forbidden
 * addresses at connect time, so a hostname that resolved to a public address at
 * registration cannot be rebound to an internal one later (DNS rebinding).
 */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isForbiddenAddress(a.address));
    if (bad) return callback(new ForbiddenAddressError(hostname, bad.address), []);
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** Resolves a hostname (or takes an IP literal) and says whether every address is allowed. */
export async function checkHostAllowed(hostname: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isForbiddenAddress(host) ? { ok: false, reason: `${host} is a private or reserved address` } : { ok: true };
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (error, list) => resolve(error ? [] : (list as LookupAddress[]))),
  );
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  return bad ? { ok: false, reason: `${host} resolves to ${bad.address}, a private or reserved address` } : { ok: true };
}
