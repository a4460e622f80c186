// Page numbers (Phụ lục I, Phần I, mục I.7): from 1, Arabic numerals, 13–14 pt, upright, centred in the top
// margin (the header), not shown on page 1. Read from the headers and footers each section uses: page 1 takes the
// "first" header when the section has w:titlePg, the other pages the default one (even pages the "even" one when
// the file has separate even headers).

import { PAGE_NUMBER, RANGES, STYLES } from '../../style/nd30.ts';
import { nfcKey } from '../composed.ts';
import type { DocxHeaderPart, DocxParagraph, DocxSection } from '../docx-read.ts';
import { ALIGN_VI, alignOf, shownHeaderParts, type Anatomy, type Para } from './anatomy.ts';
import { checked, distinct, halfPointsToPt, inRange, layoutFinding, notApplicable, pt, ptRange, type LayoutFinding, type LayoutRule } from './rule.ts';

const hasPage = (part: DocxHeaderPart | undefined): boolean => part?.paragraphs.some((p) => p.hasField('PAGE')) ?? false;
const fileName = (part: DocxHeaderPart): string => part.path.replace(/^.*\//u, '');

/** The sections of the file; a file without section properties has one section with no header. */
function sections(a: Anatomy): DocxSection[] {
  return a.doc.sectionInfo.length ? a.doc.sectionInfo : [{ index: 0, titlePage: false, headers: {}, footers: {}, firstParagraph: 0 }];
}

/** Header and footer of page 1 of the file. */
function firstPage(s: DocxSection): { header?: DocxHeaderPart; footer?: DocxHeaderPart } {
  const type = s.titlePage ? 'first' : 'default';
  const out: { header?: DocxHeaderPart; footer?: DocxHeaderPart } = {};
  if (s.headers[type]) out.header = s.headers[type];
  if (s.footers[type]) out.footer = s.footers[type];
  return out;
}

/** The header types that the pages after the first of a section use. */
const laterTypes = (a: Anatomy): ('default' | 'even')[] => (a.evenAndOddHeaders ? ['even', 'default'] : ['default']);

const sectionWhere = (a: Anatomy, s: DocxSection): string => (a.doc.sectionInfo.length > 1 ? `, phần (section) ${s.index + 1}` : '');

export const pageNumberFirst: LayoutRule = {
  id: 'page-number-first',
  title: 'không hiển thị số trang ở trang thứ nhất',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.7: số trang ... không hiển thị số trang thứ nhất',
  check(a) {
    const s0 = sections(a)[0]!;
    const { header, footer } = firstPage(s0);
    const out: LayoutFinding[] = [];
    if (!PAGE_NUMBER.firstPageShown && (hasPage(header) || hasPage(footer))) {
      const place = hasPage(header) ? `đầu trang ${fileName(header!)}` : `chân trang ${fileName(footer!)}`;
      out.push(
        layoutFinding(
          pageNumberFirst,
          'lỗi',
          0,
          'số trang ở trang 1',
          `trang thứ nhất có hiện số trang, ở ${place}${s0.titlePage ? '' : '; tệp không bật "Trang đầu khác" (w:titlePg)'}`,
          'bật "Trang đầu khác" (Different First Page) cho phần đầu trang, để trống đầu trang của trang 1',
          'đầu trang, trang 1',
        ),
      );
    }
    return checked(out);
  },
};

/** Whether the file has one page only: as the editing application recorded, or by the estimate. */
const onePage = (a: Anatomy): boolean => (a.pages.known !== undefined ? a.pages.known <= 1 : a.pages.estimated <= 1 && a.doc.sectionInfo.length <= 1);

export const pageNumberMissing: LayoutRule = {
  id: 'page-number-missing',
  title: 'có số trang từ trang thứ hai',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.7: số trang được đánh từ số 1, bằng chữ số Ả Rập, đặt canh giữa trong phần lề trên',
  check(a) {
    if (onePage(a)) {
      const how = a.pages.known !== undefined ? 'theo số trang tệp ghi lại' : 'ước tính theo độ dài nội dung';
      return notApplicable(`văn bản chỉ có một trang (${how}): không cần số trang`);
    }
    const out: LayoutFinding[] = [];
    for (const s of sections(a)) {
      const lacking = laterTypes(a).filter((t) => !hasPage(s.headers[t]) && !hasPage(s.footers[t]));
      if (lacking.length === 0) continue;
      const which = a.evenAndOddHeaders ? (lacking.length === 2 ? 'các trang' : lacking[0] === 'even' ? 'các trang chẵn' : 'các trang lẻ') : 'các trang';
      const from = s.index === 0 ? ' từ trang thứ hai' : '';
      out.push(
        layoutFinding(
          pageNumberMissing,
          'lỗi',
          0,
          'không có số trang',
          `${which}${from} không có số trang${sectionWhere(a, s)}`,
          'chèn số trang (Chèn › Số trang › Đầu trang, căn giữa) và bật "Trang đầu khác" để trang 1 không hiện số',
          `đầu trang${sectionWhere(a, s)}`,
        ),
      );
    }
    return checked(out);
  },
};

/** The paragraphs with a page number in the headers and footers the file's pages show, once each. */
function pageNumberParagraphs(a: Anatomy): { p: DocxParagraph; part: DocxHeaderPart; footer: boolean; section: DocxSection }[] {
  return shownHeaderParts(a).flatMap(({ part, footer, section }) => part.paragraphs.filter((p) => p.hasField('PAGE')).map((p) => ({ p, part, footer, section })));
}

const asPara = (p: DocxParagraph): Para => ({ p, index: -1, number: 0, text: p.text, shown: p.text, key: nfcKey(p.text) });

export const pageNumberStyle: LayoutRule = {
  id: 'page-number-style',
  title: 'số trang: chữ số Ả Rập từ 1, cỡ 13–14, đứng, căn giữa ở lề trên',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.7: số trang đánh từ số 1, chữ số Ả Rập, cỡ chữ 13–14, kiểu chữ đứng, canh giữa theo chiều ngang trong phần lề trên',
  check(a) {
    const found = pageNumberParagraphs(a);
    if (found.length === 0) return notApplicable('văn bản không có số trang (quy tắc page-number-missing nói khi nào cần)');
    const out: LayoutFinding[] = [];
    const add = (where: string, excerpt: string, message: string, fix: string): void => {
      out.push(layoutFinding(pageNumberStyle, 'lỗi', 0, excerpt, message, fix, where));
    };
    for (const { p, part, footer } of found) {
      const where = `${footer ? 'chân trang' : 'đầu trang'} (${fileName(part)})`;
      const excerpt = p.text.trim() === '' ? 'trường PAGE' : p.text.trim();
      if (footer) {
        add(where, excerpt, 'số trang đặt ở chân trang; phải đặt ở phần lề trên (đầu trang)', 'xóa số trang ở chân trang và chèn ở đầu trang (Chèn › Số trang › Đầu trang)');
        continue;
      }
      const align = alignOf(asPara(p));
      if (align !== STYLES.pageNumber.align) add(where, excerpt, `số trang ${ALIGN_VI[align]}; phải ${ALIGN_VI[STYLES.pageNumber.align]} theo chiều ngang`, 'căn giữa đoạn chứa số trang (Ctrl+E)');
      // the field's own runs carry its formatting, even when the file holds no result text for it
      const runs = p.runs.filter((r) => !r.props.vanish);
      const sizes = (runs.length ? runs.map((r) => r.props.size) : [p.markProps.size]).map((s) => (s === undefined ? undefined : halfPointsToPt(s)));
      const bad = distinct(sizes.filter((s): s is number => s !== undefined && !inRange(s, RANGES.pageNumber)));
      if (bad.length) add(where, excerpt, `số trang cỡ chữ ${bad.map(pt).join(', ')}, ngoài khoảng ${ptRange(RANGES.pageNumber)}`, `đặt cỡ chữ số trang ${ptRange(RANGES.pageNumber)}`);
      if ((runs.length ? runs : []).some((r) => r.props.italic) || (runs.length === 0 && p.markProps.italic)) add(where, excerpt, 'số trang in nghiêng; phải là kiểu chữ đứng', 'bỏ in nghiêng số trang');
    }
    for (const s of sections(a)) {
      if (s.pageNumberFormat !== undefined && s.pageNumberFormat !== 'decimal') {
        add(`thiết lập số trang${sectionWhere(a, s)}`, s.pageNumberFormat, `số trang theo kiểu "${s.pageNumberFormat}"; phải là chữ số Ả Rập (1, 2, 3…)`, 'Chèn › Số trang › Định dạng số trang: 1, 2, 3…');
      }
    }
    const s0 = sections(a)[0]!;
    if (s0.pageNumberStart !== undefined && s0.pageNumberStart !== 1) {
      add('thiết lập số trang', `bắt đầu từ ${s0.pageNumberStart}`, `số trang bắt đầu từ ${s0.pageNumberStart}; phải đánh từ số 1`, 'Chèn › Số trang › Định dạng số trang: Bắt đầu từ 1');
    }
    return checked(out);
  },
};

export const PAGE_NUMBER_RULES = [pageNumberFirst, pageNumberMissing, pageNumberStyle];
