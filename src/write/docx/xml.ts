// XML text for the WordprocessingML parts: escaping, and the characters XML 1.0 cannot hold.

// XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes;
// a control character or a lone surrogate (matched as such in a `u` pattern) would make the part unreadable.
const INVALID_CHARS = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ud800-\\udfff\\ufffe\\uffff]';
const INVALID_ALL = new RegExp(INVALID_CHARS, 'gu');
const SPECIAL_ALL = /[&<>"]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** True when the text has a character to escape or drop (a surrogate pair, valid, takes the slow path too). */
function needsWork(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))) return true;
  }
  return false;
}

/** Text fit for XML character data or a double-quoted attribute: special characters escaped, invalid ones dropped. */
export function escapeXml(text: string): string {
  if (!needsWork(text)) return text;
  return text.replace(INVALID_ALL, '').replace(SPECIAL_ALL, (c) => ENTITY[c]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The namespaces the document, header, footer and footnote parts use. */
export const W_NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
