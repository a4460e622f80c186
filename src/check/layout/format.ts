// Checks the type of one element (a span of a paragraph, or a whole paragraph) against what the decree asks:
// size, weight, slant, alignment. One finding per aspect that deviates, so that one deviation gives one finding.

import type { Range } from '../../style/nd30.ts';
import { clip, type Severity } from '../finding.ts';
import { ALIGN_VI, alignOf, sizesPt, textRuns, type Align, type Para, type Span } from './anatomy.ts';
import { distinct, inRange, layoutFinding, pt, ptRange, type LayoutFinding, type LayoutRule } from './rule.ts';

export interface Expect {
  /** The element, as the message names it: "Quốc hiệu", "tên cơ quan ban hành". */
  what: string;
  /** A range, or an exact size, in points. */
  size?: Range | number;
  /** true: bold; false: not bold; undefined: either. */
  bold?: boolean;
  /** true: italic; false: upright; undefined: either. */
  italic?: boolean;
  align?: Align;
}

export interface FormatResult {
  findings: LayoutFinding[];
  /** Runs whose size no level of the file gives. */
  unknownSize: boolean;
}

const ALIGN_KEYS: Record<Align, string> = { left: 'Ctrl+L', center: 'Ctrl+E', right: 'Ctrl+R', justify: 'Ctrl+J' };

export function checkFormat(rule: Pick<LayoutRule, 'id'>, target: Span | Para, e: Expect, severity: Severity = 'lỗi'): FormatResult {
  const para = 'para' in target ? target.para : target;
  const text = 'para' in target ? target.text : target.shown.trim();
  const excerpt = clip(text.trim(), 70);
  const runs = textRuns(target);
  const out: LayoutFinding[] = [];
  const add = (message: string, fix: string): void => {
    out.push(layoutFinding(rule, severity, para.number, excerpt, message, fix));
  };
  let unknownSize = false;
  if (e.size !== undefined && runs.length) {
    const range = typeof e.size === 'number' ? { min: e.size, max: e.size } : e.size;
    const sizes = sizesPt(runs);
    unknownSize = sizes.some((s) => s === undefined);
    const bad = distinct(sizes.filter((s): s is number => s !== undefined && !inRange(s, range)));
    if (bad.length) {
      const want = range.min === range.max ? `phải là ${ptRange(range)}` : `ngoài khoảng ${ptRange(range)}`;
      add(`${e.what} cỡ chữ ${bad.map(pt).join(', ')}, ${want}`, `đặt cỡ chữ ${ptRange(range)}`);
    }
  }
  // Weight and slant are the words': a run of punctuation alone (the ":" after "Nơi nhận", the "-" of an item,
  // the ";" between two căn cứ) shows no slant a reader sees, and Word users rarely select it with the words.
  const words = runs.filter((r) => /[\p{L}\p{N}]/u.test(r.text));
  if (e.bold === true && words.some((r) => !r.props.bold)) add(`${e.what} chưa in đậm`, 'in đậm (Ctrl+B)');
  if (e.bold === false && words.some((r) => r.props.bold)) add(`${e.what} in đậm; phải là chữ không đậm`, 'bỏ in đậm (Ctrl+B)');
  if (e.italic === false && words.some((r) => r.props.italic)) add(`${e.what} in nghiêng; phải là kiểu chữ đứng`, 'bỏ in nghiêng (Ctrl+I)');
  if (e.italic === true && words.some((r) => !r.props.italic)) add(`${e.what} chưa in nghiêng`, 'in nghiêng (Ctrl+I)');
  if (e.align !== undefined) {
    const actual = alignOf(para);
    if (actual !== e.align) add(`${e.what} ${ALIGN_VI[actual]}; phải ${ALIGN_VI[e.align]}`, `${ALIGN_VI[e.align]} (${ALIGN_KEYS[e.align]})`);
  }
  return { findings: out, unknownSize };
}

/** The note of a rule whose elements had runs without a known size. */
export function sizeNote(unknown: boolean): string | undefined {
  return unknown ? 'có chữ không ghi cỡ chữ (hiện theo mặc định của máy mở tệp): phần đó không đánh giá được cỡ chữ' : undefined;
}
