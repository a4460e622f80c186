// The document model: what every reader produces and every writer consumes.
// Plain data only (JSON-serializable), so a built document can be dumped, diffed and cached.
// Strings here are final text: computed wording (date line, "Số:", labels, Nơi nhận punctuation)
// is filled in by the transforms, so the DOCX and the PDF writers cannot say different things.

/** Inline content of a paragraph. */
export type Inline =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean } // a run of text with its emphasis
  | { type: 'ref'; target: string; text?: string } // a cross-reference to a block id; `text` is filled by the numbering transform
  | { type: 'note'; content: Inline[] }; // a footnote: its mark here (numbered in reading order), its text at the foot of the page

/** The structural role of a numbered block; the style sheet maps each role to its formatting. */
export type Role =
  | 'part' // Roman-numbered mục of a plan: "I. MỤC ĐÍCH, YÊU CẦU"
  | 'section' // "1. Mục đích" (khoản with a title)
  | 'subsection' // "1.1. Tập thể" or "a) Danh hiệu thi đua" (titled point)
  | 'article' // "Điều 1." of a decision
  | 'clause' // an untitled numbered khoản: "1.1. …" or "1. …"
  | 'point' // an untitled điểm: "a) …"
  | 'chapter' // "Chương I" on its own line, its title in capitals on the next (a quy chế, numbered across the text)
  | 'division' // "Mục 1" on its own line, its title in capitals on the next (inside a chương)
  | 'titledArticle' // "Điều 5. Phạm vi điều chỉnh": an article heading, label and title bold
  | 'dash' // "- …"
  | 'plus'; // "+ …", a dash inside a dash

/** Body blocks, in reading order. */
export type Block =
  | { type: 'heading'; level: number; content: Inline[]; id?: string; role?: Role; label?: string } // a titled division; level from the Markdown heading depth
  | { type: 'paragraph'; content: Inline[] } // an unnumbered body paragraph (first-line indent, justified)
  | { type: 'item'; level: number; ordered: boolean; content: Inline[]; id?: string; role?: Role; label?: string } // a list point; level is its depth in the heading tree
  | { type: 'table'; header: Inline[][]; rows: Inline[][][]; align: Array<'left' | 'center' | 'right'> }; // a table: its header row (repeated on every page it spans), its rows of cells, each column's alignment

/** Lines of the two-column national header (ô 1–4). A "\n" in parent or issuer is a line break the author chose. */
export interface Header {
  parent?: string; // governing body, upper case, regular: "UBND TỈNH AN GIANG"
  issuer: string; // issuing body, upper case, bold: "SỞ TƯ PHÁP"
  number?: string; // "Số: 244/QĐ-BTP" (absent in a text issued with a decision)
  placeDate?: string; // "Hà Nội, ngày 29 tháng 02 năm 2024"
  subjectLine?: string; // ô 5b, a công văn's trích yếu under its số: "V/v triển khai …"
  marks?: Mark[]; // boxed marks: độ mật, độ khẩn (ô 10a, 10b), phạm vi lưu hành (ô 11), "DỰ THẢO"
}

/** A boxed mark of the header; `box` says where it goes and which style it takes. */
export interface Mark {
  box: 'secrecy' | 'urgency' | 'circulation' | 'draft'; // ô 10a, ô 10b (under số, left), ô 11 (above ô 1), the draft mark (above ô 2)
  text: string; // "MẬT", "HỎA TỐC", "LƯU HÀNH NỘI BỘ", "DỰ THẢO"
  widthMm?: number; // the box's fixed width where the decree gives one (the độ khẩn stamps)
}

/** Tên loại and trích yếu (ô 5a), and for an attached text the italic "(Ban hành kèm theo …)" line. */
export interface Title {
  docType: string; // "QUYẾT ĐỊNH", "KẾ HOẠCH"
  subject: string; // trích yếu, as the author wrote it
  issuedWith?: string; // "(Ban hành kèm theo Quyết định số … của …)"
}

/** A PNG picture placed in the document (electronic issue): its bytes and its size on the page. */
export interface Picture {
  png: string; // the PNG file's bytes, base64 (transparent background, as Phụ lục I asks)
  widthMm: number; // printed size; a seal at its real size
  heightMm: number;
  source: string; // the file it came from, relative to the project
}

/** One signature block (ô 7a–7c, 8). */
export interface Signature {
  lines: string[]; // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", in the decree's order
  name: string; // "Nguyễn Thanh Tịnh"
  image?: Picture; // ô 7c: the signer's signature image (blue), centred between the title lines and the name
  seal?: Picture; // ô 8: the issuer's seal image (red, real size), over the left third of the signature image
}

/** Nơi nhận and the signature block, side by side after the body (ô 9b, 7a–7c). */
export interface Closing {
  recipients: string[]; // final lines: "- Như Điều 3 (để thực hiện);" … "- Lưu: VT, Vụ TCCB."; empty: no Nơi nhận
  signature: Signature;
  cosignature?: Signature; // a second signature on the left, level with the first (Biên bản: THƯ KÝ); Nơi nhận then goes under both
}

/** "Kính gửi:" and its recipients (ô 9a): one inline, several as a dash list under it. */
export interface Addressees {
  lines: string[]; // final lines: ["Kính gửi: Bộ Tư pháp."] or ["Kính gửi:", "- Bộ Nội vụ;", "- Bộ Tài chính."]
}

/** One text of the output file: the main document, or a text issued with it (starts on a new page). */
export interface Part {
  header?: Header; // absent for a text issued with a decision
  title?: Title; // absent in a công văn (no tên loại; its trích yếu is the header's subjectLine)
  addressees?: Addressees; // ô 9a: công văn, tờ trình and báo cáo sent upward
  authority?: string; // "BỘ TRƯỞNG BỘ TƯ PHÁP" (decisions)
  bases: string[]; // italic căn cứ lines and "Theo đề nghị …", final punctuation included
  enacting?: string; // "QUYẾT ĐỊNH:"
  body: Block[];
  closing?: Closing;
  addressStrip?: string; // ô 13: address, phone, e-mail at the foot of page 1 under a full-width rule
  restartPageNumbers?: boolean; // a phụ lục: its pages numbered on their own, from 1
  landscape?: boolean; // set on A4 landscape (a phụ lục of wide tables)
}

/** Facts about the document, for names, metadata, manifests and checks. */
export interface Meta {
  kind: DocKind;
  so: string | null; // "244", or null for a draft without a number yet
  kyHieu: string; // "QĐ-BTP"
  date: string | null; // ISO yyyy-mm-dd, or null for an undated draft
  year: number;
  issuer: string; // "Bộ Tư pháp"
  parent: string | null; // cơ quan chủ quản as written ("UBND tỉnh An Giang"), null when there is none
  docType: string; // "Quyết định"
  subject: string;
  sources: string[]; // input files, relative to the project
  placeholders: string[]; // unfilled "[…]" placeholders left in a draft
  // Archive metadata, computed once so the DOCX core properties and the PDF's Info/XMP agree:
  title: string; // tên loại + trích yếu: "Quyết định Ban hành Kế hoạch …"
  soKyHieu: string | null; // "244/QĐ-BTP", or null for a draft without a number
  keywords: string[]; // số và ký hiệu, tên loại, cơ quan ban hành
  created: string; // ISO instant of the document date (1 January of its year for an undated draft), never the build time
  language: string; // BCP 47: "vi"
}

/** A kind's loai id (src/kinds/): 'quyet-dinh', 'ke-hoach', 'cong-van', … */
export type DocKind = string;

/** One output file pair (DOCX + PDF). */
export interface Document {
  meta: Meta;
  parts: Part[];
}

/** Text of a list of inlines, with references shown as resolved. */
export function inlineText(content: Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : i.type === 'ref' ? (i.text ?? `[${i.target}]`) : '')).join('');
}

/** Text of a block: its inlines, or a table's cells row by row. */
export function blockText(b: Block): string {
  if (b.type === 'table') return [b.header, ...b.rows].map((r) => r.map(inlineText).join(' | ')).join('\n');
  return inlineText(b.content);
}

/** True when any text of the document carries a footnote. */
export function hasFootnotes(doc: Document): boolean {
  const inInlines = (c: Inline[]): boolean => c.some((i) => i.type === 'note');
  return doc.parts.some((p) =>
    p.body.some((b) => (b.type === 'table' ? [b.header, ...b.rows].some((r) => r.some(inInlines)) : inInlines(b.content))),
  );
}
