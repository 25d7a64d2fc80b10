// Which IP addresses a URL import may connect to. Importing by URL makes the server fetch
// what a user names, so without this a reviewer could read cloud metadata
// (169.254.169.254), the database port on localhost or anything else on the private network.
// Unknown or unparsable input is treated as blocked: fail closed.

import { isIP } from 'node:net';

type Ipv4Range = readonly [base: string, prefix: number];

// Special-purpose IPv4 ranges (RFC 6890 and friends): none of them hosts a public article.
const BLOCKED_IPV4_RANGES: readonly Ipv4Range[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including broadcast 255.255.255.255
];

function parseIpv4(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

const BLOCKED_IPV4 = BLOCKED_IPV4_RANGES.map(([base, prefix]) => {
  const size = 2 ** (32 - prefix);
  const start = parseIpv4(base);
  return { start, end: start + size - 1 };
});

function isBlockedIpv4(value: number): boolean {
  return BLOCKED_IPV4.some(({ start, end }) => value >= start && value <= end);
}

/** Eight 16-bit groups; `address` must already be valid IPv6 (checked with isIP). */
function parseIpv6(address: string): number[] {
  // A dotted IPv4 tail ("::ffff:1.2.3.4") is rewritten as its two hex groups first.
  const text = address.replace(/(\d+\.\d+\.\d+\.\d+)$/, (v4) => {
    const value = parseIpv4(v4);
    return `${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  });
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const [head = '', tail] = text.split('::');
  if (tail === undefined) return parse(head);
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function embeddedIpv4(high: number, low: number): number {
  return high * 65536 + low;
}

function isBlockedIpv6(groups: readonly number[]): boolean {
  const g = (i: number) => groups[i] ?? 0;
  const firstFiveZero = [0, 1, 2, 3, 4].every((i) => g(i) === 0);
  // ::/96 covers the unspecified address, loopback ::1 and deprecated IPv4-compatible addresses.
  if (firstFiveZero && g(5) === 0) return true;
  // IPv4-mapped (::ffff:0:0/96): a way to reach IPv4 hosts through an IPv6 literal.
  if (firstFiveZero && g(5) === 0xffff) return true;
  // NAT64 (64:ff9b::/96): judge the IPv4 address inside.
  if (g(0) === 0x64 && g(1) === 0xff9b && [2, 3, 4, 5].every((i) => g(i) === 0)) return isBlockedIpv4(embeddedIpv4(g(6), g(7)));
  if (g(0) === 0x64 && g(1) === 0xff9b && g(2) === 1) return true; // local-use NAT64
  if (g(0) === 0x100 && g(1) === 0 && g(2) === 0 && g(3) === 0) return true; // discard-only
  if (g(0) === 0x2001 && (g(1) === 0 || g(1) === 0xdb8)) return true; // Teredo, documentation
  if (g(0) === 0x2002) return isBlockedIpv4(embeddedIpv4(g(1), g(2))); // 6to4 embeds an IPv4 address
  if ((g(0) & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g(0) & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g(0) & 0xffc0) === 0xfec0) return true; // deprecated site-local fec0::/10
  if ((g(0) & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/** True when an import must not connect to this IP address (IPv4 or IPv6, brackets and zone ids allowed). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return isBlockedIpv4(parseIpv4(bare));
  if (version === 6) return isBlockedIpv6(parseIpv6(bare.toLowerCase()));
  return true;
}
