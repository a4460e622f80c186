// The event stream of `vanban serve` (Server-Sent Events over Node's http): each burst of changes on
// disk, as the watch (watch.ts) reports it, with whether the project list may have changed. The
// request passed the same guard as every other one (the secret's cookie, Host, Origin) before it gets here.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, sep } from 'node:path';
import { MANIFEST_JSON } from '../archive/manifest.ts';
import type { Change, ProjectWatch } from './watch.ts';

const KEEPALIVE_MS = 25_000;

/** What the page is told of one burst: the files, whether the list of documents is to be read again, how the disk is watched. */
export interface DiskEvent {
  files: string[];
  list: boolean;
  mode: Change['mode'];
  failure: string;
}

export function streamEvents(req: IncomingMessage, res: ServerResponse, watch: ProjectWatch, headers: Record<string, string>): void {
  const manifest = relative(watch.root, `${watch.outDir}${sep}${MANIFEST_JSON}`).split(sep).join('/');
  // A data file, out/manifest.json, or a folder (made, removed or renamed: no extension) may change the list.
  const list = (files: string[]) => files.some((f) => /\.ya?ml$/i.test(f) || f === manifest || !/\.[^/]+$/.test(f));
  const send = (name: string, event: DiskEvent) => res.write(`event: ${name}\ndata: ${JSON.stringify(event)}\n\n`);
  res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write('retry: 3000\n\n');
  send('hello', { files: [], list: false, mode: watch.mode, failure: watch.failure });
  const off = watch.on((c) => send('change', { files: c.files, list: list(c.files), mode: c.mode, failure: watch.failure }));
  const keep = setInterval(() => res.write(': vẫn đây\n\n'), KEEPALIVE_MS);
  req.on('close', () => {
    off();
    clearInterval(keep);
  });
}
