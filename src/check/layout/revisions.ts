// What a DOCX left behind when it was sent: tracked changes not accepted (w:ins, w:del, w:moveFrom, w:moveTo) show
// the drafts' wording to every reader, and page numbering restarted at another number than 1 (w:pgNumType
// w:start) makes the first page of the document "trang 3".

import type { DocxDocument } from '../docx-read.ts';
import { layoutFinding, type LayoutFinding } from './rule.ts';

const REVISION = /<w:(ins|del|moveFrom|moveTo)\b([^>]*)>/gu;

/** A check of the file as sent, beside the layout rules (it reads the package, not the formatting). */
export interface RevisionRule {
  id: string;
  source: string;
  title: string;
  check(doc: DocxDocument): LayoutFinding[];
}

export const trackedChanges: RevisionRule = {
  id: 'tracked-changes',
  title: 'còn thay đổi theo dõi (Track Changes) chưa chấp nhận',
  source: 'NĐ 30/2020, Điều 3 khoản 8 (bản gốc văn bản là bản hoàn chỉnh về nội dung, thể thức) và Điều 10 (ký ban hành bản đã hoàn chỉnh)',
  check(doc) {
    const xml = doc.pkg.text(doc.mainPath) ?? '';
    const marks = [...xml.matchAll(REVISION)];
    if (marks.length === 0) return [];
    const kinds = new Map<string, number>();
    for (const m of marks) kinds.set(m[1]!, (kinds.get(m[1]!) ?? 0) + 1);
    const names: Record<string, string> = { ins: 'chèn', del: 'xóa', moveFrom: 'chuyển đi', moveTo: 'chuyển đến' };
    const list = [...kinds].map(([k, n]) => `${n} chỗ ${names[k]}`).join(', ');
    const authors = [...new Set(marks.map((m) => /w:author="([^"]*)"/u.exec(m[2]!)?.[1]).filter((x): x is string => !!x))];
    return [
      layoutFinding(trackedChanges, 'lỗi', 0, list, `tệp còn thay đổi theo dõi chưa chấp nhận (${list}${authors.length ? `; người sửa: ${authors.join(', ')}` : ''})`, 'chấp nhận hoặc từ chối mọi thay đổi (Review → Accept/Reject), tắt Track Changes rồi lưu lại', 'toàn văn bản'),
    ];
  },
};

export const pageNumberStart: RevisionRule = {
  id: 'page-number-start',
  title: 'số trang bắt đầu từ 1',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.7: số trang được đánh từ số 1, bằng chữ số Ả Rập',
  check(doc) {
    const xml = doc.pkg.text(doc.mainPath) ?? '';
    const out: LayoutFinding[] = [];
    const starts = [...xml.matchAll(/<w:pgNumType\b[^>]*\bw:start="(\d+)"/gu)].map((m) => Number(m[1]));
    // the first section sets where the document's numbering starts; a later one restarting belongs to an appendix
    const first = starts[0];
    if (first !== undefined && first !== 1) {
      out.push(layoutFinding(pageNumberStart, 'lỗi', 0, `bắt đầu từ ${first}`, `số trang của văn bản bắt đầu từ ${first}, không phải 1`, 'Page Number Format → Start at: 1 (hoặc bỏ "Start at")', 'thiết lập trang'));
    }
    return out;
  },
};

export const REVISION_RULES: readonly RevisionRule[] = [trackedChanges, pageNumberStart];

export const revisionRuleById = (id: string): RevisionRule | undefined => REVISION_RULES.find((r) => r.id === id);

export const checkRevisions = (doc: DocxDocument): LayoutFinding[] => REVISION_RULES.flatMap((r) => r.check(doc));
