// recordingReads: a build records the SHA-256 of the bytes composing read, not of a later reading.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../src/build.ts';
import { readRegularFile, recordingReads, withUnsaved } from '../../src/io/project-files.ts';
import { composeDocument } from '../../src/transform/compose.ts';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('recordingReads', () => {
  it('gives the digest of what was read, whatever the file holds afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-reads-'));
    const a = join(dir, 'a.md');
    writeFileSync(a, 'trước');
    const { value, digests } = recordingReads(() => readRegularFile(a).toString('utf8'));
    writeFileSync(a, 'sau khi sửa');
    expect(value).toBe('trước');
    expect(digests.get(a)).toBe(sha('trước'));
    expect(digests.get(a)).not.toBe(sha(readFileSync(a)));
  });

  it('keeps each recording to its own reads, nested or not, and records nothing outside one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-reads-'));
    const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
    writeFileSync(a, 'a: 1\n');
    writeFileSync(b, 'b: 2\n');
    let inner = new Map<string, string>();
    const outer = recordingReads(() => {
      readRegularFile(a);
      inner = recordingReads(() => readRegularFile(b)).digests;
    });
    expect([...outer.digests.keys()]).toEqual([a]);
    expect([...inner.keys()]).toEqual([b]);
    readRegularFile(a); // no recording: nothing kept, nothing thrown
    // The unsaved text `vanban serve` reads in place of the disk is what gets recorded.
    const edited = await withUnsaved(new Map([[resolve(a), Buffer.from('a: 3\n')]]), () => recordingReads(() => readRegularFile(a)).digests);
    expect(edited.get(a)).toBe(sha('a: 3\n'));
  });

  it('covers every input of every sample and example document, so a build never reads one twice', () => {
    const { documents } = findDocuments(['data']);
    expect(documents.length).toBeGreaterThan(15);
    let inputs = 0;
    for (const file of documents) {
      const { value, digests } = recordingReads(() => composeDocument(file));
      for (const p of value.inputs) {
        expect(digests.get(resolve(p)), `${file}: ${p}`).toBe(sha(readFileSync(p)));
        inputs++;
      }
    }
    expect(inputs).toBeGreaterThan(documents.length * 2);
  });
});
