// A quick look at a YAML file's text that tells, without parsing it, that it can only be campaign
// data (chien-dich.yaml: "chu_de" and no "loai"). The build then leaves it to the document that
// reads it: parsing it here too would read the largest file of a batch twice.

import { readRegularFile } from '../io/project-files.ts';

// The first line that is neither blank nor a comment.
const FIRST_LINE = /^(?![ \t]*(?:#|$)).*$/m;
// A plain key at column 0: the file is a block mapping whose keys start their lines.
const PLAIN_KEY = /^[a-z_][a-z0-9_]*[ \t]*:(?:[ \t]|$)/;
const TOPIC_KEY = /^chu_de[ \t]*:(?:[ \t]|$)/m;

/**
 * True only when the file surely has no "loai" (the word appears nowhere, no escape could spell it)
 * and has a top-level "chu_de" line. False means "parse it to know": any doubt, an unreadable file.
 * A true answer may still be a broken file; the build parses every such file no document read.
 */
export function onlyCampaignData(path: string): boolean {
  let text: string;
  try {
    text = readRegularFile(path).toString('latin1'); // ASCII tests only: the multi-byte letters do not matter
  } catch {
    return false;
  }
  if (text.includes('loai') || text.includes('\\')) return false;
  const first = FIRST_LINE.exec(text)?.[0];
  return first !== undefined && PLAIN_KEY.test(first) && TOPIC_KEY.test(text);
}
