// Fonts (Phụ lục I, Phần I, mục I.4 and II.6.e): Times New Roman throughout, black; the body in 13–14 pt.
// The font of a run is the one Word displays its characters in: w:ascii for ASCII, w:hAnsi for the other Latin
// letters (Vietnamese), after the style chain and the theme fonts.

import { FONT, MARKS, MARK_COLOURS, RANGES } from '../../style/nd30.ts';
import type { DocxParagraph, DocxRun } from '../docx-read.ts';
import { nfcKey } from '../composed.ts';
import { clip } from '../finding.ts';
import { shownHeaderParts, sizesPt, textRuns, type Anatomy, type Para } from './anatomy.ts';
import { checked, inRange, layoutFinding, notEvaluated, pt, ptRange, type LayoutFinding, type LayoutRule } from './rule.ts';

/** The fonts the characters of a run are shown in; undefined where the file names none. */
function runFonts(run: DocxRun): (string | undefined)[] {
  const f = run.props.fonts;
  const known = (x: string | undefined): string | undefined => (x === undefined || x.startsWith('(') ? undefined : x);
  const out: (string | undefined)[] = [];
  if (/[\x21-\x7e]/u.test(run.text)) out.push(known(f.ascii) ?? known(f.hAnsi));
  if (/[^\x00-\x7f\s]/u.test(run.text)) out.push(known(f.hAnsi) ?? known(f.ascii));
  return out;
}

/** The font, or one of its faces under its own name in older files ("Times New Roman Bold"). */
const isExpectedFont = (name: string): boolean => {
  const n = name.trim().toLowerCase();
  const want = FONT.docx.toLowerCase();
  return n === want || new RegExp(`^${want} (?:bold|italic|bold italic|regular)$`, 'u').test(n);
};

interface Group {
  first: Para | undefined;
  where?: string;
  count: number;
}

/** Every paragraph with text: the body, its tables, and the headers and footers the pages show (page numbers). */
function allTextParagraphs(a: Anatomy): { para?: Para; p: DocxParagraph; where?: string }[] {
  const out: { para?: Para; p: DocxParagraph; where?: string }[] = a.texts.map((para) => ({ para, p: para.p }));
  for (const { part, footer } of shownHeaderParts(a)) {
    for (const p of part.paragraphs) out.push({ p, where: `${footer ? 'chân trang' : 'đầu trang'} (${part.path.replace(/^.*\//u, '')})` });
  }
  return out;
}

export const fontFamily: LayoutRule = {
  id: 'font-family',
  title: `phông chữ ${FONT.docx}`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.4: phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen',
  check(a) {
    const wrong = new Map<string, Group>();
    let known = 0;
    let unknown = 0;
    for (const { para, p, where } of allTextParagraphs(a)) {
      const runs = p.runs.filter((r) => !r.props.vanish && r.text.trim() !== '');
      for (const run of runs) {
        for (const font of runFonts(run)) {
          if (font === undefined) {
            unknown++;
            continue;
          }
          known++;
          if (isExpectedFont(font)) continue;
          const g = wrong.get(font) ?? { first: undefined, count: 0 };
          if (!g.first && para) g.first = para;
          if (!g.first && !g.where && where) g.where = where;
          g.count++;
          wrong.set(font, g);
        }
      }
    }
    if (known === 0) return notEvaluated('tệp không ghi tên phông chữ ở đâu cả; chữ hiện bằng phông mặc định của máy mở tệp');
    const out: LayoutFinding[] = [];
    for (const [font, g] of wrong) {
      const paras = new Set<number>();
      // count paragraphs, not runs, for the message
      for (const para of a.texts) if (textRuns(para).some((r) => runFonts(r).includes(font))) paras.add(para.number);
      const extent = paras.size > 1 ? ` ở ${paras.size} đoạn (đoạn đầu tiên ở đây)` : paras.size === 1 ? '' : g.where ? ` ở ${g.where}` : '';
      out.push(
        layoutFinding(
          fontFamily,
          'lỗi',
          g.first?.number ?? 0,
          g.first ? clip(g.first.text.trim(), 60) : font,
          `chữ trình bày bằng phông "${font}"${extent}, không phải ${FONT.docx}`,
          `chọn toàn bộ văn bản (Ctrl+A) và đặt phông ${FONT.docx}; sửa cả kiểu (style) Normal để đoạn mới không trở lại phông "${font}"`,
          g.first ? undefined : g.where,
        ),
      );
    }
    return checked(out, unknown > 0 ? `${unknown} chỗ chữ không ghi tên phông (hiện bằng phông mặc định của máy), không đánh giá được` : undefined);
  },
};

const BLACK = new Set(['auto', '000000']);

/** The độ khẩn stamps are printed in red (Phụ lục I, mục III.2.b): "KHẨN" in red is right, not a wrong colour. */
const isUrgencyMark = (text: string, colour: string): boolean => colour === MARK_COLOURS.urgency && text.trim() in MARKS.urgencyWidthMm;

export const fontColour: LayoutRule = {
  id: 'font-colour',
  title: 'chữ màu đen',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.4: phông chữ Times New Roman, màu đen',
  check(a) {
    const wrong = new Map<string, Group>();
    for (const para of a.texts) {
      for (const run of textRuns(para)) {
        const colour = run.props.color;
        if (colour === undefined || BLACK.has(colour.toLowerCase() === 'auto' ? 'auto' : colour.toUpperCase())) continue;
        const key = colour.toUpperCase();
        if (isUrgencyMark(nfcKey(para.text), key)) continue;
        const g = wrong.get(key) ?? { first: para, count: 0 };
        g.count++;
        wrong.set(key, g);
      }
    }
    const out: LayoutFinding[] = [];
    for (const [colour, g] of wrong) {
      out.push(
        layoutFinding(fontColour, 'cảnh báo', g.first?.number ?? 0, clip(g.first?.text.trim() ?? '', 60), `chữ màu #${colour}, không phải màu đen`, 'đặt màu chữ đen (hoặc Tự động)'),
      );
    }
    return checked(out);
  },
};

/** The content paragraphs of every document in the file. */
export const bodyParas = (a: Anatomy): Para[] => a.parts.flatMap((p) => p.body);

/**
 * The signing information of an electronic document or copy, "Số: …; ngày/tháng/năm; giờ: phút: giây", which
 * Phụ lục I (mục II.8, mục III) sets in 10 pt: not body text held to 13–14 pt.
 */
export const SIGNING_INFO = /^Số\s*:.*;\s*(?:ngày\s*\/\s*tháng\s*\/\s*năm|\d{1,2}\/\d{1,2}\/\d{4})\s*;\s*(?:giờ\s*:\s*phút\s*:\s*giây|\d{1,2}:\d{2}:\d{2})/u;

export const fontSizeBody: LayoutRule = {
  id: 'font-size-body',
  title: `cỡ chữ phần nội dung ${ptRange(RANGES.bodySize)}`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.e: nội dung văn bản cỡ chữ từ 13 đến 14',
  check(a) {
    const body = bodyParas(a);
    if (body.length === 0) return notEvaluated('không xác định được phần nội dung (ô 6) của văn bản');
    const wrong = new Map<number, { first: Para; paras: Set<number> }>();
    let unknown = 0;
    for (const para of body) {
      if (SIGNING_INFO.test(nfcKey(para.text).trim())) continue;
      for (const size of sizesPt(textRuns(para))) {
        if (size === undefined) {
          unknown++;
          continue;
        }
        if (inRange(size, RANGES.bodySize)) continue;
        const g = wrong.get(size) ?? { first: para, paras: new Set<number>() };
        g.paras.add(para.number);
        wrong.set(size, g);
      }
    }
    if (unknown > 0 && wrong.size === 0 && unknown === body.reduce((n, p) => n + textRuns(p).length, 0)) {
      return notEvaluated('tệp không ghi cỡ chữ của phần nội dung; cỡ chữ hiện ra do máy mở tệp quyết định');
    }
    const out: LayoutFinding[] = [];
    for (const [size, g] of wrong) {
      const extent = g.paras.size > 1 ? ` ở ${g.paras.size} đoạn (đoạn đầu tiên ở đây)` : '';
      out.push(
        layoutFinding(
          fontSizeBody,
          'lỗi',
          g.first.number,
          clip(g.first.text.trim(), 60),
          `nội dung văn bản cỡ chữ ${pt(size)}${extent}, ngoài khoảng ${ptRange(RANGES.bodySize)}`,
          `đặt cỡ chữ phần nội dung ${ptRange(RANGES.bodySize)}`,
        ),
      );
    }
    return checked(out, unknown > 0 ? `${unknown} chỗ chữ của phần nội dung không ghi cỡ chữ, không đánh giá được` : undefined);
  },
};

export const FONT_RULES = [fontFamily, fontColour, fontSizeBody];
