// The client's IP address, for per-IP rate limits. Which header can be trusted depends on the
// deployment, so it is configured:
//   TRUST_PROXY unset/0  -> "unknown": no header is trusted (X-Forwarded-For and X-Real-IP arrive
//                           unchanged from the client when no proxy sets them, so they can be forged)
//   TRUST_PROXY=real-ip  -> X-Real-IP, for a proxy (e.g. nginx) that always overwrites it
//   TRUST_PROXY=N (1..5) -> the N-th address from the right of X-Forwarded-For, i.e. the address the
//                           outermost of your N reverse proxies saw. With one proxy (TRUST_PROXY=1)
//                           that is the hop the proxy itself added, never a value the client wrote.
// "unknown" is not counted against per-IP limits (see enforceRateLimit): one shared bucket would let
// a single abuser lock everybody out.
import { headers } from "next/headers";

import { UNKNOWN_CLIENT_IP } from "./rate-limit-rules";

export { UNKNOWN_CLIENT_IP };

type HeaderSource = { get(name: string): string | null };

function cleanIp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let ip = value.trim();
  // "[2001:db8::1]:443" or "203.0.113.7:5100" -> the address alone.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.length === 0 || ip.length > 64 || !/^[0-9a-fA-F:.]+$/.test(ip)) return undefined;
  return ip.toLowerCase();
}

export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  if (value === "true") return 1;
  if (value === "real-ip") return 0;
  const n = Number(value ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 5 ? n : 0;
}

/** Whether X-Real-IP is set by a trusted proxy (TRUST_PROXY=real-ip); otherwise a client could write it. */
export function trustsRealIpHeader(value: string | undefined = process.env.TRUST_PROXY): boolean {
  return value === "real-ip";
}

/** The client IP from request headers (route handlers pass `request.headers`). */
export function clientIpFromHeaders(source: HeaderSource, hops: number = trustedProxyHops(), realIp: boolean = trustsRealIpHeader()): string {
  if (hops > 0) {
    const chain = (source.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const ip = cleanIp(chain[chain.length - hops]);
    if (ip) return ip;
  }
  if (realIp) return cleanIp(source.get("x-real-ip")) ?? UNKNOWN_CLIENT_IP;
  return UNKNOWN_CLIENT_IP;
}

/** The client IP of the current request, for server actions and server components. */
export async function clientIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}
