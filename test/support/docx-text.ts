// Reads a DOCX back for tests. The reader itself lives in src/check/docx-read.ts, where `vanban check` uses it.
export * from '../../src/check/docx-read.ts';
