// `vanban serve` refuses requests without this run's secret, from another Host or Origin, naming a
// file outside the project, or saving over a file changed on disk since it was loaded.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../src/serve/server.ts';
import { BODY, DECISION, makeProject } from '../support/project.ts';
import { ROOT } from '../support/invalid-fixtures.ts';

const CAMPAIGN = 'data/bo-tu-phap/thi-dua-2024';
const PROFILE = 'profiles/2023-2024/ninh-thuan.yaml';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Running;
let root: string;
let outside: string;
let port: number;

function send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

const cookie = () => ({ Cookie: `vanban_${port}=${server.token}` });
const own = () => ({ ...cookie(), Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  root = makeProject({ 'data/van-ban.yaml': DECISION, 'data/noi-dung.md': BODY });
  outside = mkdtempSync(join(tmpdir(), 'vanban-outside-'));
  writeFileSync(join(outside, 'bi-mat.yaml'), 'mat_khau: 1234\n');
  symlinkSync(join(outside, 'bi-mat.yaml'), join(root, 'data', 'lien-ket.yaml'));
  cpSync(join(ROOT, CAMPAIGN), join(root, CAMPAIGN), { recursive: true });
  mkdirSync(join(root, 'profiles/2023-2024'), { recursive: true });
  cpSync(join(ROOT, PROFILE), join(root, PROFILE));
  cpSync(join(ROOT, PROFILE), join(outside, 'ninh-thuan.yaml'));
  symlinkSync(join(outside, 'ninh-thuan.yaml'), join(root, 'profiles', 'lien-ket.yaml'));
  server = await startServer({ root });
  port = new URL(server.origin).port as unknown as number;
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('who may talk to the server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('refuses a request without the secret or with a wrong one', async () => {
    for (const headers of [{} as Record<string, string>, { Cookie: `vanban_${port}=sai` }, { Cookie: `vanban_${port}=${server.token.slice(0, -1)}${server.token.endsWith('x') ? 'y' : 'x'}` }]) {
      const r = await send('GET', '/api/documents', headers);
      expect(r.status).toBe(403);
      expect(r.body).toContain('mã bí mật');
      expect(r.body).not.toContain('van-ban.yaml');
    }
    expect((await send('GET', '/?t=sai')).status).toBe(403);
  });

  it('trades the secret in the address for a cookie, then serves the page and the API', async () => {
    const first = await send('GET', `/?t=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await send('GET', '/', cookie())).body).toContain('<html lang="vi">');
    const docs = JSON.parse((await send('GET', '/api/documents', cookie())).body) as { documents: { path: string }[] };
    expect(docs.documents.map((d) => d.path)).toContain('data/van-ban.yaml');
  });

  it('refuses another Host (DNS rebinding), even with the secret', async () => {
    for (const host of [`evil.example:${port}`, 'localhost', `127.0.0.1:${port + 1}`]) {
      const r = await send('GET', '/api/documents', { ...cookie(), Host: host });
      expect(r.status).toBe(403);
      expect(r.body).toContain('tên máy');
    }
    expect((await send('GET', '/api/documents', { ...cookie(), Host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin, and a write whose origin is not known (CSRF)', async () => {
    const body = { path: 'data/van-ban.yaml', files: {} };
    const foreign = await send('POST', '/api/preview', { ...cookie(), Origin: 'http://evil.example' }, body);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('trang khác');
    expect((await send('POST', '/api/preview', cookie(), body)).status).toBe(403);
    expect((await send('GET', '/api/documents', { ...cookie(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('POST', '/api/preview', own(), body)).status).toBe(200);
  });
});

describe('files', () => {
  it('refuses every path outside the project, whatever the route', async () => {
    for (const path of ['../../../etc/passwd', '/etc/passwd', 'data/../../x.yaml', 'data/lien-ket.yaml', 'package.json', 'data/van-ban.yaml\0.md']) {
      const read = await send('GET', `/api/file?path=${encodeURIComponent(path)}`, cookie());
      expect(read.status, path).toBe(403);
      expect(read.body).not.toContain('mat_khau');
      expect((await send('GET', `/api/download?path=${encodeURIComponent(path)}&kind=pdf`, cookie())).status, path).toBeGreaterThanOrEqual(400);
      expect((await send('PUT', '/api/file', own(), { path, text: 'x', version: null })).status, path).toBeGreaterThanOrEqual(400);
      expect((await send('POST', '/api/new', own(), { path, loai: 'quyet-dinh' })).status, path).toBeGreaterThanOrEqual(400);
    }
    const preview = await send('POST', '/api/preview', own(), { path: 'data/van-ban.yaml', files: { '../../../tmp/x.md': 'x' } });
    expect(preview.status).toBe(403);
    expect(readFileSync(join(outside, 'bi-mat.yaml'), 'utf8')).toBe('mat_khau: 1234\n');
  });

  it('saves atomically, and refuses to overwrite a file changed on disk since it was loaded (409)', async () => {
    const loaded = JSON.parse((await send('GET', '/api/file?path=data/van-ban.yaml', cookie())).body) as { text: string; version: string };
    expect(loaded.text).toBe(DECISION);
    writeFileSync(join(root, 'data/van-ban.yaml'), `${DECISION}# sửa bằng chương trình khác\n`);
    const stale = await send('PUT', '/api/file', own(), { path: 'data/van-ban.yaml', text: 'loai: quyet-dinh\n', version: loaded.version });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).message).toMatch(/đã được sửa trên đĩa.*Tải lại/);
    expect(readFileSync(join(root, 'data/van-ban.yaml'), 'utf8')).toContain('# sửa bằng chương trình khác');
    const fresh = JSON.parse((await send('GET', '/api/file?path=data/van-ban.yaml', cookie())).body) as { version: string };
    const ok = await send('PUT', '/api/file', own(), { path: 'data/van-ban.yaml', text: `${DECISION}# đã lưu\n`, version: fresh.version });
    expect(ok.status).toBe(200);
    expect(readFileSync(join(root, 'data/van-ban.yaml'), 'utf8')).toBe(`${DECISION}# đã lưu\n`);
  });

  it('previews unsaved text without writing it, and reports the error at its field', async () => {
    const text = DECISION.replace(/ngay: .*/, 'ngay: 2024-02-30');
    const r = JSON.parse((await send('POST', '/api/preview', own(), { path: 'data/van-ban.yaml', files: { 'data/van-ban.yaml': text } })).body) as { pdf: string | null; problems: { field: string; message: string; line: number }[] };
    expect(r.pdf).toBeNull();
    expect(r.problems[0]).toMatchObject({ field: 'ngay', message: expect.stringContaining('không có thật') });
    expect(readFileSync(join(root, 'data/van-ban.yaml'), 'utf8')).not.toContain('2024-02-30');
    const good = JSON.parse((await send('POST', '/api/preview', own(), { path: 'data/van-ban.yaml', files: { 'data/van-ban.yaml': DECISION } })).body) as { pdf: string | null };
    expect(Buffer.from(good.pdf!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the endpoints of the project view, derive and watching', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/manifest'],
    ['GET', '/api/derive'],
    ['GET', '/api/versions?path=data/van-ban.yaml'],
    ['GET', '/api/events'],
    ['POST', '/api/derive', { from: `${CAMPAIGN}/chien-dich.yaml`, profile: PROFILE }],
  ];

  it('refuse a request without the secret, from another Host, or from a foreign Origin', async () => {
    for (const [method, path, body] of routes) {
      const write = method !== 'GET';
      const base: Record<string, string> = write ? { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' } : {};
      expect((await send(method, path, base, body)).status, `${method} ${path} sans secret`).toBe(403);
      expect((await send(method, path, { ...base, ...cookie(), Host: `evil.example:${port}` }, body)).status, `${method} ${path} Host`).toBe(403);
      expect((await send(method, path, { ...cookie(), Origin: 'http://evil.example' }, body)).status, `${method} ${path} Origin`).toBe(403);
      if (write) expect((await send(method, path, cookie(), body)).status, `${method} ${path} no Origin`).toBe(403);
    }
    expect(existsSync(join(root, 'derived')), 'nothing derived by a refused request').toBe(false);
  });

  it('streams the changes on disk to a page with the secret, and nothing of a file outside reached by a link', async () => {
    const events: { event: string; data: { files: string[]; list: boolean; mode: string } }[] = [];
    let text = '';
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...cookie() } });
    let arrived = () => {};
    const done = new Promise<void>((ok) => (arrived = ok));
    req.on('response', (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n')) {
          const block = text.slice(0, i);
          text = text.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          if (events.some((e) => e.data.files.includes('data/moi.yaml'))) arrived();
          if (event === 'hello') {
            writeFileSync(join(outside, 'bi-mat.yaml'), 'mat_khau: 5678\n');
            writeFileSync(join(root, 'data/moi.yaml'), 'loai: cong-van\n');
          }
        }
      });
    });
    req.end();
    await done;
    req.destroy();
    expect(events[0]).toMatchObject({ event: 'hello', data: { mode: 'watch' } });
    const change = events.find((e) => e.data.files.includes('data/moi.yaml'))!;
    expect(change).toMatchObject({ event: 'change', data: { list: true } });
    expect(events.flatMap((e) => e.data.files).filter((f) => f.includes('lien-ket') || f.includes('bi-mat'))).toEqual([]);
    rmSync(join(root, 'data/moi.yaml'));
  });

  it('refuse paths outside the project: versions, and the campaign or profile of a derive', async () => {
    for (const path of ['../../../etc/passwd.yaml', '/etc/x.yaml', 'data/lien-ket.yaml', 'package.json']) {
      const r = await send('GET', `/api/versions?path=${encodeURIComponent(path)}`, cookie());
      expect(r.status, path).toBe(403);
      expect(r.body).not.toContain('mat_khau');
    }
    for (const [from, profile] of [[`${CAMPAIGN}/chien-dich.yaml`, 'profiles/lien-ket.yaml'], [`${CAMPAIGN}/chien-dich.yaml`, '../../../tmp/x.yaml'], ['/etc/x.yaml', PROFILE], [CAMPAIGN, PROFILE]] as const) {
      const r = await send('POST', '/api/derive', own(), { from, profile });
      expect(r.status, `${from} ${profile}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(existsSync(join(root, 'derived'))).toBe(false);
    expect(readdirSync(outside).sort()).toEqual(['bi-mat.yaml', 'ninh-thuan.yaml']);
  });

  it('refuse to derive through a derived/ that links out of the project', async () => {
    const away = mkdtempSync(join(tmpdir(), 'vanban-away-'));
    symlinkSync(away, join(root, 'derived'));
    try {
      const r = await send('POST', '/api/derive', own(), { from: `${CAMPAIGN}/chien-dich.yaml`, profile: PROFILE });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).message).toContain('ngoài dự án');
      expect(readdirSync(away)).toEqual([]);
    } finally {
      rmSync(join(root, 'derived'));
      rmSync(away, { recursive: true, force: true });
    }
  });

  it('derive keeps a hand-edited file, and a forced run replaces only the version it was shown (409 otherwise)', async () => {
    const body = { from: `${CAMPAIGN}/chien-dich.yaml`, profile: PROFILE };
    const first = JSON.parse((await send('POST', '/api/derive', own(), body)).body) as { plan: string; files: { name: string; action: string; version: string }[] };
    expect(first.plan).toBe('derived/ninh-thuan/thi-dua-2024/ke-hoach.yaml');
    expect(first.files.map((f) => f.action)).toEqual(['new', 'new']);
    const plan = join(root, first.plan);
    const derived = readFileSync(plan, 'utf8');
    writeFileSync(plan, `${derived}# sửa tay\n`);
    const second = JSON.parse((await send('POST', '/api/derive', own(), body)).body) as { files: { name: string; action: string; version: string }[] };
    const kept = second.files.find((f) => f.name === 'ke-hoach.yaml')!;
    expect(kept.action).toBe('kept');
    expect(readFileSync(plan, 'utf8')).toContain('# sửa tay');
    // Edited again after the page was told: the forced run must not replace what the clerk never saw.
    writeFileSync(plan, `${derived}# sửa tay lần hai\n`);
    const stale = await send('POST', '/api/derive', own(), { ...body, force: true, expected: { 'ke-hoach.yaml': kept.version } });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).message).toContain('đã thay đổi trên đĩa');
    expect(readFileSync(plan, 'utf8')).toContain('# sửa tay lần hai');
    const shown = JSON.parse((await send('GET', `/api/versions?path=${first.plan}`, cookie())).body) as Record<string, string>;
    const forced = JSON.parse((await send('POST', '/api/derive', own(), { ...body, force: true, expected: { 'ke-hoach.yaml': shown[first.plan] } })).body) as { files: { name: string; action: string }[] };
    expect(forced.files.find((f) => f.name === 'ke-hoach.yaml')!.action).toBe('forced');
    expect(readFileSync(plan, 'utf8')).toBe(derived);
  });

  it('lists the campaign and the profiles of the project, and versions of open files (null once gone)', async () => {
    const choices = JSON.parse((await send('GET', '/api/derive', cookie())).body) as { sources: { path: string }[]; profiles: { path: string }[] };
    expect(choices.sources.map((s) => s.path)).toEqual([`${CAMPAIGN}/chien-dich.yaml`]);
    expect(choices.profiles.map((p) => p.path)).toContain(PROFILE);
    // Profiles have "loai: tinh": they are not documents; a document with a mistyped kind is, with its error.
    writeFileSync(join(root, 'data/go-nham.yaml'), 'loai: quyet-dnh\n');
    const docs = JSON.parse((await send('GET', '/api/documents', cookie())).body) as { documents: { path: string; error: string | null }[] };
    rmSync(join(root, 'data/go-nham.yaml'));
    expect(docs.documents.map((d) => d.path)).not.toContain(PROFILE);
    expect(docs.documents.find((d) => d.path === 'data/go-nham.yaml')?.error).toContain('loại văn bản "quyet-dnh" không có');
    const v = JSON.parse((await send('GET', '/api/versions?path=data/van-ban.yaml&path=data/chua-co.yaml', cookie())).body) as Record<string, string | null>;
    expect(v['data/van-ban.yaml']).toMatch(/^[0-9a-f]{64}$/);
    expect(v['data/chua-co.yaml']).toBeNull();
  });
});
