// Characters: mixed tone-mark styles ("hoà" and "hòa" in one document), text not in Unicode NFC, and text typed
// in a legacy Vietnamese encoding (TCVN3/ABC, VNI-Windows) read as Unicode ("Hµ Néi", "Haø Noäi").

import { toOldToneStyle } from '../../text/normalize.ts';
import { clip, finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

// ---------------------------------------------------------------------------------------------------------------
// Tone-mark style

/** "hòa", "khỏe", "thủy": the tone mark on the first vowel of an open oa, oe, uy syllable (the project's style). */
const OLD_STYLE = /(?<![\p{L}\p{M}])(\p{L}*?)(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?![\p{L}\p{M}])/gu;
const OLD_STYLE_HINT = /(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?![\p{L}\p{M}])/u;
/** "hoà", "khoẻ", "thuỷ": the other style; lines without it are not handed to toOldToneStyle. */
const NEW_STYLE_HINT = /(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/u;

/** Words written in the "hòa" style (NFC input). */
function oldStyleWords(line: string): string[] {
  if (!OLD_STYLE_HINT.test(line)) return [];
  const out: string[] = [];
  for (const m of line.matchAll(OLD_STYLE)) {
    // "quỳ" is qu + y; a head ending in a vowel is another syllable shape ("ngoèo" is not in question).
    if (/[qQ]$/u.test(m[1]!) || /[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY]$/u.test(m[1]!)) continue;
    out.push(m[0]);
  }
  return out;
}

export const toneMixed: Rule = {
  id: 'tone-mixed',
  title: 'lẫn hai kiểu bỏ dấu thanh ("hoà" và "hòa") trong một văn bản',
  source: 'Quy ước của vanban theo Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (NĐ 30/2020, Phụ lục I, mục II.1): một văn bản một kiểu bỏ dấu, kiểu "hòa"',
  check(doc: TextDoc): Finding[] {
    const lines = doc.lines.map((l) => (/[\u0300-\u036f]/u.test(l) ? l.normalize('NFC') : l));
    const old = lines.flatMap(oldStyleWords);
    if (old.length === 0) return [];
    const distinct = [...new Set(old)];
    const sample = distinct.slice(0, 3).map((w) => `"${w}"`).join(', ') + (distinct.length > 3 ? ', …' : '');
    const out: Finding[] = [];
    lines.forEach((line, i) => {
      if (!NEW_STYLE_HINT.test(line)) return;
      let from = 0;
      for (const change of toOldToneStyle(line).changes) {
        // Locate the word: the change's text is the whole word ("Khánh Hoà" gives "Hoà").
        const at = findWord(line, change.from, from);
        if (at < 0) continue;
        from = at + change.from.length;
        out.push(
          finding(toneMixed, 'cảnh báo', i + 1, change.from, `văn bản dùng lẫn hai kiểu bỏ dấu thanh: "${change.from}" đặt dấu ở chữ sau, còn ${old.length} chỗ khác đặt dấu ở chữ trước (${sample}) như Quốc hiệu "CỘNG HÒA"`, {
            col: at + 1,
            fix: `ghi "${change.to}"`,
            replacement: { from: change.from, to: change.to },
          }),
        );
      }
    });
    return out;
  },
};

function findWord(line: string, word: string, from: number): number {
  const re = new RegExp(`(?<![\\p{L}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{M}])`, 'u');
  const m = re.exec(line.slice(from));
  return m ? from + m.index : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Unicode normalization

export const nfc: Rule = {
  id: 'nfc',
  title: 'chữ không ở dạng Unicode dựng sẵn (NFC)',
  asTyped: true,
  source: 'NĐ 30/2020, Phụ lục I, mục I.2: bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001 (dạng dựng sẵn)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      if (line.normalize('NFC') === line) return;
      const words = [...line.matchAll(/[\p{L}\p{M}]+/gu)].filter((m) => m[0].normalize('NFC') !== m[0]);
      const first = words[0];
      if (!first) return;
      const shown = words.slice(0, 3).map((m) => `"${m[0].normalize('NFC')}"`).join(', ');
      out.push(
        finding(nfc, 'cảnh báo', i + 1, first[0], `${words.length} từ viết bằng dấu tổ hợp (Unicode NFD) thay vì chữ dựng sẵn: ${shown}${words.length > 3 ? ', …' : ''}; trông giống nhau nhưng tìm kiếm, sắp xếp và so khớp sai`, {
          col: first.index + 1,
          fix: 'chuyển cả dòng sang Unicode dựng sẵn (NFC)',
          replacement: { from: first[0], to: first[0].normalize('NFC') },
        }),
      );
    });
    return out;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Legacy encodings. Text typed with a TCVN3 (.VnTime) or VNI (VNI-Times) font is stored as single bytes; opened
// as Unicode (Windows-1252 / Latin-1) each byte shows as a Latin-1 character. The tables below go back from
// those characters to Vietnamese letters.

/** TCVN3 (TCVN 5712:1993, VN3): Latin-1 character → Vietnamese letter. */
const TCVN3: Record<string, string> = (() => {
  const rows: [string, string][] = [
    ['µ¸¶·¹', 'àáảãạ'],
    ['¨»¾¼½Æ', 'ăằắẳẵặ'],
    ['©ÇÊÈÉË', 'âầấẩẫậ'],
    ['®', 'đ'],
    ['ÌÐÎÏÑ', 'èéẻẽẹ'],
    ['ªÒÕÓÔÖ', 'êềếểễệ'],
    ['×ÝØÜÞ', 'ìíỉĩị'],
    ['ßãáâä', 'òóỏõọ'],
    ['«åèæçé', 'ôồốổỗộ'],
    ['¬êíëìî', 'ơờớởỡợ'],
    ['ïóñòô', 'ùúủũụ'],
    ['\u00adõøö÷ù', 'ưừứửữự'],
    ['úýûüþ', 'ỳýỷỹỵ'],
    ['¡¢§£¤¥¦', 'ĂÂĐÊÔƠƯ'],
  ];
  const table: Record<string, string> = {};
  for (const [from, to] of rows) [...from].forEach((c, i) => (table[c] = [...to][i]!));
  return table;
})();

export function decodeTcvn3(s: string): string {
  return [...s].map((c) => TCVN3[c] ?? c).join('');
}

// VNI-Windows: a base letter followed by a mark character; a few letters are single characters.
const VNI_TONE: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const VNI_HAT: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' }; // circumflex + tone
const VNI_BREVE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' }; // breve + tone (after a)
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', ì: 'ì', í: 'í', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

const lower = (c: string) => c.toLowerCase();
const sameCase = (model: string, c: string) => (model === model.toUpperCase() && model !== model.toLowerCase() ? c.toUpperCase() : c);

export function decodeVni(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const base = lower(c);
    const next = chars[i + 1];
    const mark = next === undefined ? '' : lower(next);
    if ('aeo'.includes(base) && next && mark in VNI_HAT) {
      out += (c + '\u0302' + VNI_HAT[mark]!).normalize('NFC');
      i++;
    } else if (base === 'a' && next && mark in VNI_BREVE) {
      out += (c + '\u0306' + VNI_BREVE[mark]!).normalize('NFC');
      i++;
    } else if (base in VNI_SINGLE) {
      const letter = sameCase(c, VNI_SINGLE[base]!);
      if ((base === 'ô' || base === 'ö') && next && mark in VNI_TONE) {
        out += (letter + VNI_TONE[mark]!).normalize('NFC');
        i++;
      } else out += letter;
    } else if ('aeiouy'.includes(base) && next && mark in VNI_TONE) {
      out += (c + VNI_TONE[mark]!).normalize('NFC');
      i++;
    } else out += c;
  }
  return out;
}

// A toneless Vietnamese syllable: onset + rhyme. Loose, but it rejects what mojibake produces ("néi", "hµ", "t­").
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const RHYME =
  '(?:a(?:ch|nh|ng|[cimnoptuy])?|ă(?:ng|[cmnpt])|â(?:ng|[cmnptuy])|e(?:ng|[cmnopt])?|ê(?:ch|nh|[mnptu])?' +
  '|i(?:a|ch|nh|[mnptu]|ê(?:ng|[cmnptu]))?|o(?:a(?:ch|nh|ng|[cimnoptuy])?|ă(?:ng|[cmnt])|e(?:[mnot])?|o(?:ng|c)|ng|[cimnpt])?' +
  '|ô(?:ng|[cimnpt])?|ơ(?:[imnpt])?|u(?:â(?:ng|[nty])|ê(?:ch|nh|[nu])?|y(?:a|ch|nh|[tu]|ê[nt])?|ô(?:ng|[cimnt])|ơ|ng|[acimnpt])?' +
  '|ư(?:ơ(?:ng|[cimnptu])|ng|[acitu])?|y(?:ê(?:ng|[mntu]))?)';
const SYLLABLE = new RegExp(`^${ONSET}${RHYME}$`, 'u');

/** Whether a word is a Vietnamese syllable (any case, any tone). */
export function isVietnameseSyllable(word: string): boolean {
  const bare = word
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '')
    .normalize('NFC');
  return SYLLABLE.test(bare);
}

const ONLY_LATIN1 = /^[\u0000-\u00ff]*$/u;
const HIGH = /[\u0080-\u00ff]/u;
const edges = (s: string) => s.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, '');

/** How strongly a line reads as the given legacy encoding: words that are not Vietnamese as they stand but are once decoded. */
function evidence(line: string, decode: (s: string) => string): { good: number; bad: number } {
  let good = 0, bad = 0;
  for (const token of line.split(/[ \t]+/u)) {
    if (!HIGH.test(token)) continue;
    const decoded = edges(decode(token));
    if (decoded === edges(token)) continue;
    const before = edges(token);
    const wasWord = before !== '' && /^[\p{L}\p{M}]+$/u.test(before) && isVietnameseSyllable(before);
    const isWord = decoded !== '' && /^[\p{L}\p{M}]+$/u.test(decoded) && isVietnameseSyllable(decoded);
    if (isWord && !wasWord) good++;
    else if (!isWord) bad++;
  }
  return { good, bad };
}

/** The encoding a line was typed in and its Unicode text, or null when it reads as Unicode. */
export function legacyDecode(text: string): { encoding: 'TCVN3' | 'VNI'; text: string } | null {
  // "2×1", "210 × 297 mm": a multiplication sign between numbers, not the TCVN3 "ì"
  // (kept apart by a private-use mark while decoding, put back after)
  const line = text.replace(/(\d)(\s*)×(\s*)(?=\d)/gu, '$1$2\ue000$3');
  if (!HIGH.test(line) || !ONLY_LATIN1.test(line.replace(/\ue000/gu, 'x'))) return null;
  let best: { encoding: 'TCVN3' | 'VNI'; text: string; good: number } | null = null;
  for (const [encoding, decode] of [['TCVN3', decodeTcvn3], ['VNI', decodeVni]] as const) {
    const { good, bad } = evidence(line, decode);
    if (good === 0 || bad > good / 2) continue;
    if (!best || good > best.good) best = { encoding, text: decode(line), good };
  }
  return best && { encoding: best.encoding, text: best.text.replace(/\ue000/gu, '×') };
}

export const legacyEncoding: Rule = {
  id: 'legacy-encoding',
  title: 'chữ gõ bằng bảng mã cũ (TCVN3, VNI) hiện sai trong Unicode',
  asTyped: true,
  source: 'NĐ 30/2020, Phụ lục I, mục I.2: phông chữ tiếng Việt Unicode theo TCVN 6909:2001, không dùng bảng mã TCVN3 (ABC) hay VNI',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      const r = legacyDecode(line);
      if (!r) return;
      out.push(
        finding(legacyEncoding, 'lỗi', i + 1, clip(line, 60), `chữ gõ bằng bảng mã ${r.encoding === 'TCVN3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)'} nên hiện sai; đọc đúng là: "${clip(r.text, 60)}"`, {
          col: 1,
          fix: `chuyển sang Unicode (ví dụ bằng chức năng chuyển mã của Unikey) và dùng phông Times New Roman: "${clip(r.text, 60)}"`,
          replacement: { from: line, to: r.text },
        }),
      );
    });
    return out;
  },
};
