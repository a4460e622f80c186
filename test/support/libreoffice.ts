// LibreOffice headless, for tests that check a DOCX opens and renders: DOCX → PDF.

import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['soffice', 'libreoffice'];
let found: string | null | undefined;

/** The LibreOffice command, or null when none is on the PATH. */
export function sofficeCommand(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const cmd of CANDIDATES) {
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) {
      found = cmd;
      break;
    }
  }
  return found;
}

export function hasLibreOffice(): boolean {
  return sofficeCommand() !== null;
}

/**
 * Converts a DOCX to PDF with a fresh LibreOffice profile (so that runs never share or corrupt one) and
 * returns the PDF's path in `outDir`.
 */
export async function docxToPdf(docxPath: string, outDir: string, timeoutMs = 120_000): Promise<string> {
  return docxConvert(docxPath, outDir, 'pdf', timeoutMs);
}

/** The same, to another format LibreOffice writes ("odt", "html"); returns the file's path. */
export async function docxConvert(docxPath: string, outDir: string, format: string, timeoutMs = 120_000): Promise<string> {
  const cmd = sofficeCommand();
  if (cmd === null) throw new Error('LibreOffice (soffice) is not installed');
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless', '--norestore', '--nolockcheck',
    '--convert-to', format, '--outdir', outDir, docxPath,
  ];
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      });
    });
    const out = join(outDir, `${basename(docxPath, extname(docxPath))}.${format}`);
    if (!existsSync(out)) throw new Error(`soffice produced no ${format} at ${out}\n${stdout}\n${stderr}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
