import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach, each under the rule a refusal names: loopback,
 * private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * unspecified and reserved ranges, for IPv4, IPv6 and IPv4-mapped IPv6. Checked in this
 * order, so ::1 is named loopback rather than the ::/96 it also sits in.
 */
const rules: readonly { rule: string; ipv4?: readonly (readonly [string, number])[]; ipv6?: readonly (readonly [string, number])[] }[] = [
  { rule: 'loopback', ipv4: [['127.0.0.0', 8]], ipv6: [['::1', 128]] },
  // ::/96 holds the unspecified address and the deprecated IPv4-compatible form ::a.b.c.d.
  { rule: 'unspecified', ipv4: [['0.0.0.0', 8]], ipv6: [['::', 96]] },
  {
    rule: 'private',
    ipv4: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]],
    // fec0::/10 is the deprecated site-local range (RFC 3879); old stacks still route it inside a site.
    ipv6: [['fc00::', 7], ['fec0::', 10]],
  },
  { rule: 'link-local', ipv4: [['169.254.0.0', 16]], ipv6: [['fe80::', 10]] },
  { rule: 'carrier-grade NAT', ipv4: [['100.64.0.0', 10]] },
  { rule: 'multicast', ipv4: [['224.0.0.0', 4]], ipv6: [['ff00::', 8]] },
  // 64:ff9b:1::/48 is for NAT64 inside one network (RFC 8215); both prefixes translate to IPv4 we cannot check.
  { rule: 'NAT64', ipv6: [['64:ff9b::', 96], ['64:ff9b:1::', 48]] },
  // 6to4 and Teredo carry an IPv4 address inside; refuse them rather than decode them.
  { rule: 'IPv4 tunnel', ipv6: [['2002::', 16], ['2001::', 32]] },
  { rule: 'reserved', ipv4: [['192.0.0.0', 24], ['198.18.0.0', 15], ['240.0.0.0', 4]], ipv6: [['2001:db8::', 32]] },
];
const lists = rules.map(({ rule, ipv4 = [], ipv6 = [] }) => {
  const list = new BlockList();
  for (const [net, prefix] of ipv4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of ipv6) list.addSubnet(net, prefix, 'ipv6');
  return { rule, list };
});

const ruleFor = (address: string, family: 'ipv4' | 'ipv6'): string | null => lists.find(({ list }) => list.check(address, family))?.rule ?? null;

/** The rule that forbids an address ('loopback', 'private' …), or null when it may be reached. */
export function forbiddenRule(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 4) return ruleFor(address, 'ipv4');
  // ::ffff:a.b.c.d and ::ffff:7f00:1 both stand for an IPv4 address.
  const mapped = /^::ffff:(?:0:)?(.+)$/i.exec(address);
  if (!mapped) return ruleFor(address, 'ipv6');
  const inner = mapped[1]!;
  if (isIP(inner) === 4) return ruleFor(inner, 'ipv4');
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(inner);
  if (!hex) return 'not an IP address';
  const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
  return ruleFor([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
}

export const isForbiddenAddress = (address: string): boolean => forbiddenRule(address) !== null;

/**
 * Refusals name the host the member gave and the rule, never the address it resolved to:
 * "intranet.local resolves to 10.1.2.3" would let a member map internal names.
 */
const resolvesToForbidden = (host: string, rule: string) => `${host} resolves to a private or reserved address (${rule})`;

export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(host: string, rule: string) {
    super(resolvesToForbidden(host, rule));
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The resolver the checks use: dns.lookup, or one a test supplies. */
export type ResolveAll = (hostname: string, options: { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A dns.lookup replacement for outgoing connections that refuses forbidden
 * addresses at connect time, so a hostname that resolved to a public address at
 * registration cannot be rebound to an internal one later (DNS rebinding).
 */
export function createGuardedLookup(resolve: ResolveAll = dnsLookup) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, list) => {
      if (error) return callback(error, []);
      for (const a of list) {
        const rule = forbiddenRule(a.address);
        if (rule) return callback(new ForbiddenAddressError(hostname, rule), []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

export const guardedLookup = createGuardedLookup();

/** Resolves a hostname (or takes an IP literal) and says whether every address is allowed. */
export async function checkHostAllowed(hostname: string, resolve: ResolveAll = dnsLookup): Promise<{ ok: true } | { ok: false; reason: string }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const rule = forbiddenRule(host);
    return rule ? { ok: false, reason: `${host} is a private or reserved address (${rule})` } : { ok: true };
  }
  const addresses = await new Promise<LookupAddress[]>((done) => resolve(host, { all: true }, (error, list) => done(error ? [] : list)));
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  for (const a of addresses) {
    const rule = forbiddenRule(a.address);
    if (rule) return { ok: false, reason: resolvesToForbidden(host, rule) };
  }
  return { ok: true };
}
