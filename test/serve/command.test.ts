// `vanban serve` from the command line: prints the address with its secret, serves it, stops on Ctrl+C.

import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vanban, vanbanAsync } from '../support/cli.ts';
import { makeProject } from '../support/project.ts';

describe('vanban serve', () => {
  it('serves the project at the address it prints, on 127.0.0.1, and stops cleanly on SIGTERM', async () => {
    const root = makeProject();
    const { child, done } = vanbanAsync(['serve', root]);
    try {
      const url = await new Promise<string>((ok, fail) => {
        let seen = '';
        child.stdout!.on('data', (d: Buffer) => {
          seen += d.toString();
          const m = /Mở trong trình duyệt: (http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+)/.exec(seen);
          if (m) ok(m[1]!);
        });
        child.on('close', () => fail(new Error(`vanban serve stopped: ${seen}`)));
      });
      const first = await fetch(url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      const docs = (await (await fetch(new URL('/api/documents', url), { headers: { cookie } })).json()) as { documents: { path: string; so: string }[] };
      expect(docs.documents).toEqual([expect.objectContaining({ path: 'data/van-ban.yaml', so: '47' })]);
      expect((await fetch(new URL('/api/documents', url))).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    }
    expect((await done).status).toBe(0);
  });

  it('says in Vietnamese when the folder or the port is wrong (exit 2)', () => {
    const missing = vanban(['serve', 'khong-co-thu-muc-nay']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('không tồn tại hoặc không phải thư mục');
    const port = vanban(['serve', '.', '--port', 'abc']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port cần một số');
  });
});
