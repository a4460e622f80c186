// Who may talk to `vanban serve`: a page opened with this run's secret (then carried by a cookie), on a
// Host this server answers to (DNS rebinding: a foreign name resolving to 127.0.0.1 is refused), and for
// anything but reading, from our own Origin (CSRF: another site's page cannot post to it).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  token: string;
  cookie: string; // the cookie's name, one per port so two servers do not mix
  hosts: Set<string>; // "host:port" values accepted in Host
}

export function newGuard(port: number, host: string): Guard {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host]);
  return { token: randomBytes(24).toString('base64url'), cookie: `vanban_${port}`, hosts: new Set([...names].map((n) => `${n}:${port}`)) };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** Why the request is refused (Vietnamese), or null; `tokenInUrl` is the secret of a first load. */
export function refusal(req: IncomingMessage, guard: Guard, tokenInUrl: string | null): string | null {
  const host = req.headers.host ?? '';
  if (!guard.hosts.has(host)) return `tên máy "${host}" không phải của vanban serve; mở đúng địa chỉ lệnh đã in (http://127.0.0.1:…)`;
  const origin = req.headers.origin;
  if (origin !== undefined && !guard.hosts.has(origin.replace(/^http:\/\//, '')) ) return `yêu cầu từ trang khác (${origin}) bị từ chối`;
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (!safe && origin === undefined && req.headers['sec-fetch-site'] !== 'same-origin') return 'yêu cầu ghi không rõ nguồn bị từ chối';
  const given = tokenInUrl ?? cookieValue(req, guard.cookie) ?? '';
  if (!same(given, guard.token)) return 'thiếu hoặc sai mã bí mật của phiên; mở đúng địa chỉ (có "?t=…") mà lệnh vanban serve đã in';
  return null;
}

export function setCookie(guard: Guard): string {
  return `${guard.cookie}=${guard.token}; Path=/; HttpOnly; SameSite=Strict`;
}
