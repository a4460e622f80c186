// The content (ô 6; Phụ lục I, Phần I, mục II.6.e): justified, first line indented 1 cm or 1.27 cm, at least 6 pt
// between paragraphs, line spacing from single to 1.5 lines. Centred lines of the content (chương, mục headings,
// "QUYẾT ĐỊNH:") are headings, not running text: only the alignment-independent rules apply to them.

import { RANGES } from '../../style/nd30.ts';
import { clip } from '../finding.ts';
import { ALIGN_VI, alignOf, SINGLE_LINE_EM, textRuns, type Align, type Anatomy, type Para } from './anatomy.ts';
import { bodyParas } from './fonts.ts';
import { checked, halfPointsToPt, layoutFinding, mm, notEvaluated, num, pt, twipsToMm, twipsToPt, type LayoutFinding, type LayoutRule } from './rule.ts';
import { PAGE } from '../../style/nd30.ts';

const NO_BODY = 'không xác định được phần nội dung (ô 6) của văn bản';

/** Running text: the content's paragraphs that are not centred headings. */
const runningText = (a: Anatomy): Para[] => bodyParas(a).filter((x) => alignOf(x) !== 'center');

/** Findings grouped by the deviating value: one finding per value, at its first paragraph, with the count. */
function grouped<K>(rule: Pick<LayoutRule, 'id'>, hits: { para: Para; key: K }[], message: (key: K, extent: string) => string, fix: (key: K) => string): LayoutFinding[] {
  const groups = new Map<K, Para[]>();
  for (const { para, key } of hits) groups.set(key, [...(groups.get(key) ?? []), para]);
  return [...groups].map(([key, paras]) => {
    const extent = paras.length > 1 ? ` (${paras.length} đoạn, đoạn đầu tiên ở đây)` : '';
    return layoutFinding(rule, 'lỗi', paras[0]!.number, clip(paras[0]!.text.trim(), 60), message(key, extent), fix(key));
  });
}

/** The size of a paragraph's text in points: its first run that says, or its paragraph mark. */
function paraSizePt(para: Para): number | undefined {
  const hp = textRuns(para).find((r) => r.props.size !== undefined)?.props.size ?? para.p.markProps.size;
  return hp === undefined ? undefined : halfPointsToPt(hp);
}

/** The width of the text area of the paragraph's section, in points. */
function textWidthPt(a: Anatomy, para: Para): number {
  const s = a.doc.sectionInfo[para.p.section ?? 0];
  const tw = 1440 / 25.4;
  return twipsToPt((s?.pageWidth ?? PAGE.widthMm * tw) - (s?.margins?.left ?? PAGE.margin.leftMm * tw) - (s?.margins?.right ?? PAGE.margin.rightMm * tw));
}

/** Average advance of Times New Roman text in ems, a lower estimate: a paragraph longer than this wraps. */
const NARROW_ADVANCE_EM = 0.42;

/** Whether the paragraph surely runs over more than one line (where its alignment shows). */
function wraps(a: Anatomy, para: Para): boolean {
  const size = paraSizePt(para) ?? 12;
  const indent = twipsToPt((para.p.props.indentLeft ?? 0) + (para.p.props.indentRight ?? 0) + Math.max(0, para.p.props.indentFirstLine ?? 0));
  return [...para.text.trim()].length * size * NARROW_ADVANCE_EM > textWidthPt(a, para) - indent;
}

export const bodyAlign: LayoutRule = {
  id: 'body-align',
  title: 'nội dung căn đều hai lề',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.e: nội dung văn bản được canh đều cả hai lề',
  check(a) {
    const text = runningText(a);
    if (text.length === 0) return notEvaluated(NO_BODY);
    const hits = text.filter((x) => alignOf(x) !== 'justify' && wraps(a, x)).map((para) => ({ para, key: alignOf(para) }));
    return checked(
      grouped<Align>(bodyAlign, hits, (key, extent) => `đoạn văn ${ALIGN_VI[key]}${extent}; nội dung văn bản phải căn đều hai lề`, () => 'chọn các đoạn nội dung và căn đều hai lề (Ctrl+J)'),
    );
  },
};

/** First-line indents the decree allows, in mm; typed values come within a few hundredths. */
const INDENT_TOLERANCE_MM = 0.2;
const allowedIndents = (): string => RANGES.indentFirstMm.map((v) => mm(v)).join(' hoặc ');

export const bodyIndent: LayoutRule = {
  id: 'body-indent',
  title: 'chữ đầu dòng của đoạn lùi vào 1 cm hoặc 1,27 cm',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.e: khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm',
  check(a) {
    const text = runningText(a);
    if (text.length === 0) return notEvaluated(NO_BODY);
    const hits: { para: Para; key: number }[] = [];
    const allowed = (x: number): boolean => RANGES.indentFirstMm.some((v) => Math.abs(x - v) <= INDENT_TOLERANCE_MM);
    for (const para of text) {
      const first = twipsToMm(para.p.props.indentFirstLine ?? 0);
      // where the first line starts on the page: a heading indented by w:ind left (720) with no first-line indent
      // starts its first letter 12,7 mm in, as the decree asks
      const start = twipsToMm((para.p.props.indentLeft ?? 0) + (para.p.props.indentFirstLine ?? 0));
      if (allowed(first) || allowed(start)) continue;
      hits.push({ para, key: Math.round(first * 10) / 10 });
    }
    return checked(
      grouped<number>(
        bodyIndent,
        hits,
        (key, extent) => (key < 0 ? `đoạn văn thụt treo ${mm(-key)}${extent}` : `chữ đầu dòng lùi vào ${mm(key)}${extent}`) + `; phải lùi ${allowedIndents()}`,
        () => `đặt thụt lề dòng đầu (Đoạn › Thụt lề › Đặc biệt: Dòng đầu tiên) ${allowedIndents()}`,
      ),
    );
  },
};

export const bodySpacing: LayoutRule = {
  id: 'body-spacing',
  title: `khoảng cách giữa các đoạn văn tối thiểu ${RANGES.paragraphSpacingMinPt} pt`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.e: khoảng cách giữa các đoạn văn tối thiểu là 6pt',
  check(a) {
    const body = bodyParas(a);
    if (body.length < 2) return notEvaluated(NO_BODY);
    // between paragraphs of running text: a heading's lines ("Chương I" / "QUY ĐỊNH CHUNG") are one block
    const inBody = new Set(body.filter((x) => alignOf(x) !== 'center'));
    const hits: { para: Para; key: number }[] = [];
    for (let i = 1; i < a.paras.length; i++) {
      const next = a.paras[i]!;
      const prev = a.paras[i - 1]!;
      // adjacent paragraphs of the content; an empty paragraph between two is a blank line, space enough
      if (!inBody.has(next) || !inBody.has(prev)) continue;
      const same = prev.p.props.styleId === next.p.props.styleId;
      const after = prev.p.props.contextualSpacing && same ? 0 : (prev.p.props.spacingAfter ?? 0);
      const before = next.p.props.contextualSpacing && same ? 0 : (next.p.props.spacingBefore ?? 0);
      const gap = twipsToPt(after + before);
      if (gap >= RANGES.paragraphSpacingMinPt - 0.01) continue;
      hits.push({ para: next, key: Math.round(gap * 10) / 10 });
    }
    return checked(
      grouped<number>(
        bodySpacing,
        hits,
        (key, extent) => `khoảng cách với đoạn trước ${pt(key)}${extent}; tối thiểu ${pt(RANGES.paragraphSpacingMinPt)}`,
        () => `đặt khoảng cách trước đoạn (Đoạn › Khoảng cách › Trước) ${pt(RANGES.paragraphSpacingMinPt)} trở lên`,
      ),
    );
  },
};

const MULTIPLE_TOLERANCE = 0.02;

export const bodyLineSpacing: LayoutRule = {
  id: 'body-line-spacing',
  title: `giãn dòng từ ${num(RANGES.lineMultiple.min)} đến ${num(RANGES.lineMultiple.max)} dòng`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.e: khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 lines',
  check(a) {
    const body = bodyParas(a);
    if (body.length === 0) return notEvaluated(NO_BODY);
    const hits: { para: Para; key: string }[] = [];
    let unknown = 0;
    for (const para of body) {
      const { line, lineRule } = para.p.props;
      let multiple: number;
      let shown: string;
      if (line === undefined || lineRule === undefined || lineRule === 'auto') {
        multiple = (line ?? 240) / 240;
        shown = `${num(multiple, 2)} dòng`;
      } else {
        // exact or at-least spacing in points: compared with the single line of the paragraph's type size
        const size = paraSizePt(para);
        if (size === undefined) {
          unknown++;
          continue;
        }
        const single = size * SINGLE_LINE_EM;
        multiple = twipsToPt(line) / single;
        if (lineRule === 'atLeast') multiple = Math.max(1, multiple);
        shown = `${lineRule === 'exact' ? 'chính xác' : 'tối thiểu'} ${pt(twipsToPt(line))} (khoảng ${num(multiple, 2)} dòng ở cỡ chữ ${pt(size)})`;
      }
      if (multiple >= RANGES.lineMultiple.min - MULTIPLE_TOLERANCE && multiple <= RANGES.lineMultiple.max + MULTIPLE_TOLERANCE) continue;
      hits.push({ para, key: shown });
    }
    const range = `${num(RANGES.lineMultiple.min)}–${num(RANGES.lineMultiple.max)} dòng`;
    return checked(
      grouped<string>(bodyLineSpacing, hits, (key, extent) => `giãn dòng ${key}${extent}; phải từ ${range}`, () => `đặt giãn dòng (Đoạn › Giãn dòng) trong khoảng ${range}, ví dụ Đơn (Single)`),
      unknown ? `${unknown} đoạn giãn dòng theo điểm mà không ghi cỡ chữ, không đánh giá được` : undefined,
    );
  },
};

export const BODY_RULES = [bodyAlign, bodyIndent, bodySpacing, bodyLineSpacing];
