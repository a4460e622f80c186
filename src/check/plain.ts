// Plain lines from a .txt or .md file for `vanban check`: web-page debris and Markdown markup removed,
// one output line per input line so that line numbers in findings are the file's own.
// Characters are not normalized here: the NFC and encoding rules must see the text as typed.

/** Lines a web copy of a document carries that are not part of the document. */
export const DEBRIS: readonly RegExp[] = [
  /^Hệ thống pháp luật$/u,
  /^Đang tải nội dung, vui lòng chờ giây lát\.*$/u,
  /^-{3,}$/u, // rules drawn under the national motto and the issuer's name
];

/** Removes Markdown markup: heading hashes, bold and italic asterisks or underscores. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^#{1,6}[ \t]+/u, '')
    .replace(/[ \t]+#+[ \t]*$/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2');
}

/** The file's lines, trimmed, with no-break spaces as spaces, debris blanked and markup removed. */
export function plainLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).map((raw) => {
    const line = stripMarkdown(raw.replace(/[\u00a0\u202f]/gu, ' ').trim()).trim();
    return DEBRIS.some((re) => re.test(line)) ? '' : line;
  });
}
