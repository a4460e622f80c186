// The HTTP server of `vanban serve` (Node's own http): the page, its assets, and a small JSON API over
// the project (src/serve/project.ts). Every request passes the guard (src/serve/security.ts) first.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE, loadAssets } from './assets.ts';
import { Project, Refused } from './project.ts';
import { newGuard, refusal, setCookie, type Guard } from './security.ts';
import { streamEvents } from './events.ts';
import { ProjectWatch } from './watch.ts';
import { serveRoot } from './root.ts';

export interface ServeOptions {
  root: string;
  port?: number; // 0 or absent: any free port
  host?: string; // 127.0.0.1 unless told otherwise
}

export interface Running {
  url: string; // with the secret, to open once
  origin: string;
  token: string;
  server: Server;
  project: Project;
  watch: ProjectWatch;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.byteLength;
      if (size > MAX_BODY) {
        fail(new Refused(413, 'nội dung gửi lên quá lớn'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
        ok(v as Record<string, unknown>);
      } catch {
        fail(new Refused(400, 'yêu cầu không phải JSON hợp lệ'));
      }
    });
    req.on('error', fail);
  });
}

export async function startServer(opts: ServeOptions): Promise<Running> {
  // Started in a subfolder of a project: confined to the project, listing the subfolder (root.ts).
  const { root, view } = serveRoot(opts.root);
  const project = new Project(root, 'out', view);
  const watch = new ProjectWatch(project.root, project.outDir);
  watch.on(() => project.forget());
  const assets = await loadAssets();
  const host = opts.host ?? '127.0.0.1';
  let guard: Guard | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const first = req.method === 'GET' && url.pathname === '/' ? url.searchParams.get('t') : null;
    const why = refusal(req, guard!, first);
    if (why) return send(res, 403, 'text/plain; charset=utf-8', `vanban serve: ${why}\n`);
    // The secret leaves the address bar at once: it goes on in the cookie only.
    if (first !== null) return send(res, 303, 'text/plain; charset=utf-8', '', { Location: '/', 'Set-Cookie': setCookie(guard!) });
    const q = (k: string) => url.searchParams.get(k);
    try {
      if (req.method === 'GET') {
        if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
        const asset = assets.get(url.pathname);
        if (asset) return send(res, 200, asset.type, asset.body);
        if (url.pathname === '/api/events') return streamEvents(req, res, watch, SECURITY_HEADERS);
        if (url.pathname === '/api/schema') return json(res, 200, project.schema());
        if (url.pathname === '/api/documents') return json(res, 200, { root: project.root, view: project.view, documents: project.documents() });
        if (url.pathname === '/api/file') return json(res, 200, project.read(q('path')));
        if (url.pathname === '/api/versions') return json(res, 200, project.versions(url.searchParams.getAll('path')));
        if (url.pathname === '/api/manifest') return json(res, 200, project.manifest());
        if (url.pathname === '/api/derive') return json(res, 200, project.deriveChoices());
        if (url.pathname === '/api/download') {
          const { name, bytes } = await project.download(q('path'), q('kind'));
          const type = q('kind') === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
          return send(res, 200, type, bytes, { 'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}` });
        }
      } else if (req.method === 'POST' || req.method === 'PUT') {
        const body = await readBody(req);
        if (url.pathname === '/api/file' && req.method === 'PUT') return json(res, 200, await project.save(body.path, body.text, body.version ?? null));
        if (url.pathname === '/api/derive' && req.method === 'POST') return json(res, 200, await project.derive(body.from, body.profile, body.force, body.expected));
        if (url.pathname === '/api/new') return json(res, 200, await project.create(body.path, body.loai));
        if (url.pathname === '/api/preview') {
          const p = await project.preview(body.path, (body.files ?? {}) as Record<string, unknown>);
          return json(res, 200, { pdf: p.pdf ? Buffer.from(p.pdf).toString('base64') : null, pages: p.pages, problems: p.problems, notes: p.notes, ms: Math.round(p.ms), of: p.of ?? null });
        }
      }
      return json(res, 404, { message: `không có "${url.pathname}"` });
    } catch (error) {
      if (error instanceof Refused) return json(res, error.status, { message: error.message, ...error.extra });
      if (process.env.VANBAN_DEBUG === '1') console.error(error);
      return json(res, 500, { message: `lỗi bên trong vanban (${(error as Error).message.slice(0, 200)}); xin báo lỗi` });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', (error) => {
      watch.close();
      fail(error);
    });
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  guard = newGuard(port, host);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?t=${guard.token}`,
    origin,
    token: guard.token,
    server,
    project,
    watch,
    close: () => new Promise((ok) => {
      watch.close();
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}
