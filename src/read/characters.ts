// The characters of an input text: UTF-8 only, no legacy Vietnamese encodings (TCVN3/ABC, VNI),
// no control, zero-width or bidi characters. Each is refused at its line and column, since it would
// either print as "Nguy?n V A", hide in the text, or make a DOCX part or the PDF's XMP invalid XML.

import { Buffer, isUtf8 } from 'node:buffer';
import { utf8Text } from '../text/utf8.ts';
import { InputError, type Location } from '../model/errors.ts';

const CONVERT = 'chuyển tệp sang Unicode UTF-8 (Unikey: Công cụ chuyển mã, hoặc "Lưu thành" chọn UTF-8 trong trình soạn thảo)';

// Letters Vietnamese takes from Latin-1; any other Latin-1 letter or sign glued to a letter is a
// TCVN3 or VNI byte shown as Latin-1 ("Quy¸t ®Þnh", "Quyeát ñònh").
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const LEGACY = new RegExp(`(?<=[A-Za-z])[\\u00A1-\\u00FF](?<![${VIETNAMESE_LATIN1}×÷°±§«»])|[\\u00A1-\\u00FF](?<![${VIETNAMESE_LATIN1}×÷°±§«»])(?=[A-Za-z])`, 'u');

// Exactly the UTF-16 units forbiddenCharacter can refuse (a surrogate: when unpaired, or the pair is
// private use), so that curly quotes, dashes and ellipses, frequent in Vietnamese text, are not stopped at.
export const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufeff\ufffd-\uffff]/g;
const NOT_VIETNAMESE_LATIN1 = new RegExp(`(?![${VIETNAMESE_LATIN1}])[\\u00A1-\\u00FF]`);

/** A character that must not reach the text, with its Vietnamese name; null when it is fine. */
export function forbiddenCharacter(c: number): string | null {
  if (c === 0x09 || c === 0x0a || c === 0x0d) return null;
  if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) return 'ký tự điều khiển';
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad) return 'ký tự vô hình (độ rộng bằng 0)';
  if (c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'ký tự đổi chiều viết (bidi)';
  if (c === 0x2028 || c === 0x2029) return 'ký tự xuống dòng Unicode';
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff || (c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffd) return 'ký tự không hợp lệ';
  if ((c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000) return 'ký tự vùng riêng (Private Use)';
  return null;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Location of the UTF-16 `offset` in `text`. */
function locate(text: string, offset: number, file: string, lineOffset: number): Location {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) (line++, (start = i + 1));
  return { file, line: line + lineOffset, col: [...text.slice(start, offset)].length + 1 };
}

/** Decodes UTF-8 (a leading BOM is dropped); invalid bytes are an InputError at their line. */
export function decodeUtf8(data: Uint8Array, file: string): string {
  // Valid input (Node's own check) is decoded by ICU (see utf8Text).
  if (isUtf8(data)) {
    const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    return utf8Text(Buffer.from(data.buffer, data.byteOffset + bom, data.byteLength - bom));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Find the first bad byte: the longest prefix that still decodes.
    let lo = 0;
    let hi = data.byteLength;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    const prefix = new TextDecoder('utf-8').decode(data.subarray(0, lo));
    throw new InputError(locate(prefix, prefix.length, file, 0), '', 'tệp không phải Unicode UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI)', CONVERT);
  }
}

/** Throws at the first forbidden or legacy-encoded character of `text`. */
export function checkCharacters(text: string, file: string, lineOffset = 0): void {
  // Only the characters of SUSPECT can be refused by forbiddenCharacter.
  const suspect = new RegExp(SUSPECT);
  for (let m = suspect.exec(text); m; m = suspect.exec(text)) {
    const i = m.index;
    const cp = text.codePointAt(i)!;
    const what = forbiddenCharacter(cp);
    if (what) throw new InputError(locate(text, i, file, lineOffset), '', `có ${what} ${hex(cp)}`, 'xóa ký tự này (thường dính vào khi chép từ trang web hoặc PDF)');
    if (cp > 0xffff) suspect.lastIndex = i + 2;
  }
  // The legacy pattern needs a Latin-1 sign or letter Vietnamese does not use: most texts have none.
  if (!NOT_VIETNAMESE_LATIN1.test(text)) return;
  const m = LEGACY.exec(text);
  if (m) throw new InputError(locate(text, m.index, file, lineOffset), '', `chữ có vẻ gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI ("${legacyWord(text, m.index)}")`, CONVERT);
}

/** The word around `offset`, to show the clerk what looks wrong. */
function legacyWord(text: string, offset: number): string {
  let a = offset;
  let b = offset;
  while (a > 0 && !/[\s"]/.test(text[a - 1]!) && offset - a < 20) a--;
  while (b < text.length && !/[\s"]/.test(text[b]!) && b - offset < 20) b++;
  return text.slice(a, b);
}

/** Checks one value parsed out of a file (a YAML escape can produce what the source does not show). */
export function forbiddenIn(value: string): { cp: number; what: string } | null {
  // As in checkCharacters: a native scan for the few characters that can be refused, most values have none.
  SUSPECT_IN_VALUE.lastIndex = 0;
  for (let m = SUSPECT_IN_VALUE.exec(value); m; m = SUSPECT_IN_VALUE.exec(value)) {
    const cp = value.codePointAt(m.index)!;
    const what = forbiddenCharacter(cp);
    if (what) return { cp, what: `${what} ${hex(cp)}` };
    if (cp > 0xffff) SUSPECT_IN_VALUE.lastIndex = m.index + 2;
  }
  return null;
}
const SUSPECT_IN_VALUE = new RegExp(SUSPECT);
