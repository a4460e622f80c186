// The page's scripts and styles, all served from the package (no CDN): the client bundled by esbuild
// (CodeMirror, pdfjs, yaml), and pdfjs's worker as shipped. A bundle built beforehand by
// `npm run build-client` (dist/serve/, made by `npm run compile` at install) is used as is; in a checkout
// whose client sources are newer, it is bundled in memory at start (esbuild is a dev dependency).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs as src/serve/assets.ts (tests, tsx) or dist/serve/assets.js (the package): two levels down.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENT = join(ROOT, 'src', 'serve', 'client');
export const CLIENT_ENTRY = join(CLIENT, 'main.ts');
const SHARED = join(ROOT, 'src', 'serve', 'kinds.ts'); // bundled into the client too
export const PREBUILT = join(ROOT, 'dist', 'serve');

export interface Asset {
  type: string;
  body: Buffer;
}

/** esbuild options shared by the in-memory bundle and `npm run build-client`. */
export const bundleOptions = {
  entryPoints: [CLIENT_ENTRY],
  bundle: true,
  format: 'esm' as const,
  target: 'es2022',
  minify: true,
  legalComments: 'none' as const,
};

export async function loadAssets(): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const js = 'text/javascript; charset=utf-8';
  const prebuilt = join(PREBUILT, 'app.js');
  // A bundle older than the client's sources (a checkout being worked on) is built afresh instead.
  // An installed package has no sources: the prebuilt bundle is all there is.
  const sources = existsSync(CLIENT) ? [...readdirSync(CLIENT).map((f) => join(CLIENT, f)), SHARED].map((f) => statSync(f).mtimeMs) : [];
  const fresh = existsSync(prebuilt) && statSync(prebuilt).mtimeMs >= Math.max(0, ...sources);
  if (fresh) assets.set('/assets/app.js', { type: js, body: readFileSync(prebuilt) });
  else {
    const { build } = await import('esbuild');
    const r = await build({ ...bundleOptions, write: false });
    assets.set('/assets/app.js', { type: js, body: Buffer.from(r.outputFiles[0]!.contents) });
  }
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  assets.set('/assets/pdf.worker.min.mjs', { type: js, body: readFileSync(join(pdfjs, 'build', 'pdf.worker.min.mjs')) });
  assets.set('/assets/app.css', { type: 'text/css; charset=utf-8', body: readFileSync(fresh ? join(PREBUILT, 'app.css') : join(CLIENT, 'app.css')) });
  return assets;
}

export const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vanban — soạn văn bản</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip" href="#main">Bỏ qua, tới nội dung chính</a>
<div id="app">Đang tải…</div>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;
