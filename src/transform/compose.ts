// Input files → the document model: reads the YAML, the campaign data, the body (Markdown or a
// template), computes every fixed wording, numbers the body and normalizes the text.

import { dirname, relative, resolve } from 'node:path';
import type { Block, Document, Mark, Part, Signature } from '../model/ast.ts';
import { InputError, type Location } from '../model/errors.ts';
import { pictureOf, validateWithPictures, type LoadedPicture } from '../read/pictures.ts';
import { campaignSchema, currentDocumentSchema, type CampaignInput, type DocumentInput, type PlanInput, type SignerInput } from '../model/schema.ts';
import { kindList, kindOf } from '../kinds/index.ts';
import { kindKyHieu, kindName, type ComposeKit, type KindInput } from '../kinds/kind.ts';
import { MARKS } from '../style/nd30.ts';
import { MAX_NUMBERED_LEVEL, readMarkdown } from '../read/markdown.ts';
import { TEMPLATE_NAME, findTemplate, renderTemplate } from '../read/template.ts';
import { fail, readYaml, validate, type YamlFile } from '../read/yaml.ts';
import { FileRefused, assertRegularFile, confinedPath, readRegularFile, realPath, refusalText } from '../io/project-files.ts';
import { checkCharacters, decodeUtf8 } from '../read/characters.ts';
import { longDate, parseIsoDate, placeDateLine, shortDate } from '../text/date.ts';
import { upperVi } from '../text/normalize.ts';
import { detach } from '../text/detach.ts';
import {
  PLACEHOLDER, appendixLine, basisLines, issuedWithLine, lowerFirst, numberLine, numberText,
  recipientLines, signatureLines, stripListPunctuation,
} from '../text/wording.ts';
import { normalizeDocument, type NormalizeReport } from './normalize.ts';
import { closeBody, numberBlocks, type NumberingProfile } from './numbering.ts';
import { applyCase } from './case.ts';
import { checkCampaignDates, milestoneLines, phaseLines, taskLines, taskTable, timeDetails } from './campaign-plan.ts';
import { appendixLabel, appendixNames, appendixPart, referencedLabels } from './appendix.ts';

/**
 * The file a field names, relative to the data file's folder: real path, inside the project root,
 * a regular file. Any other is an error at the field that never shows the foreign file's content.
 */
function namedFile(yaml: YamlFile, field: string | readonly PropertyKey[], given: string, what: string, ctx: Context): string {
  try {
    const path = confinedPath(ctx.root, dirname(resolve(ctx.root, yaml.file)), given);
    assertRegularFile(path);
    return path;
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    const { problem, fix } = refusalText(error, what, given);
    return fail(yaml, typeof field === 'string' ? [field] : field, problem, fix);
  }
}

/** A Markdown body's text: size limit, UTF-8, no hidden or legacy-encoded characters. */
function readBodyText(yaml: YamlFile, path: string, shown: string, field: readonly PropertyKey[] = ['noi_dung']): string {
  let data: Buffer;
  try {
    data = readRegularFile(path);
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    const { problem, fix } = refusalText(error, 'tệp nội dung', shown);
    return fail(yaml, field, problem, fix);
  }
  const text = decodeUtf8(data, shown);
  checkCharacters(text, shown);
  return text;
}

export const MISSING_LOAI = `thiếu trường bắt buộc; "loai" chỉ nhận ${kindList()}`;
export const LOAI_FIX = 'thêm dòng "loai: quyet-dinh", "loai: ke-hoach", "loai: cong-van" … (xem README, mục "Các loại văn bản")';

export interface Composed {
  doc: Document;
  notes: string[]; // what was computed or changed in the user's text, for the build report
  inputs: string[]; // absolute paths of every file read (data, bodies, templates)
  absent: string[]; // absolute paths looked up and not found (a project template that would override)
}

interface Context {
  root: string;
  inputs: Set<string>;
  absent: Set<string>;
  notes: string[];
  refs: Map<string, string>; // labels of the document's phụ lục → "Phụ lục I", for cross-references
  pictures: Map<string, LoadedPicture>; // signature and seal images read (src/read/pictures.ts)
}

/** Builds the model of the document described by one YAML file. */
export function composeDocument(yamlPath: string, root = process.cwd()): Composed {
  const ctx: Context = { root, inputs: new Set(), absent: new Set(), notes: [], refs: new Map(), pictures: new Map() };
  const { yaml, input } = loadInput(yamlPath, ctx);
  const { names, repeated } = appendixNames(input.phu_luc ?? []);
  if (repeated !== null) fail(yaml, ['phu_luc', repeated, 'nhan'], `nhãn "${appendixLabel(input.phu_luc![repeated]!, repeated)}" đã dùng cho một phụ lục trước`, 'đặt cho mỗi phụ lục một nhãn khác nhau');
  ctx.refs = names;
  const main = composePart(yaml, input, ctx, null);
  const parts: Part[] = [main.part];

  if (input.loai === 'quyet-dinh' && input.kem_theo) {
    const kemTheo = String(input.kem_theo);
    const attachedPath = namedFile(yaml, 'kem_theo', kemTheo, 'tệp văn bản kèm theo', ctx);
    if (attachedPath === realOf(yamlPath)) fail(yaml, ['kem_theo'], 'văn bản kèm theo chính nó', 'chỉ tới tệp Kế hoạch ban hành kèm theo, không phải tệp này');
    const att = loadInput(attachedPath, ctx);
    if (!kindOf(att.input.loai).attachable) fail(att.yaml, ['loai'], 'văn bản kèm theo Quyết định phải là "ke-hoach" hoặc "quy-che"');
    if (att.input.phu_luc?.length) fail(att.yaml, ['phu_luc'], 'phụ lục của văn bản kèm theo Quyết định chưa được hỗ trợ', 'khai báo phụ lục ở tệp Quyết định (trường "phu_luc"), thân Kế hoạch vẫn dẫn tới được');
    parts.push(composePart(att.yaml, att.input, ctx, { decision: input, yaml }).part);
  }
  parts.push(...composeAppendices(yaml, input, ctx, parts));

  const kind = kindOf(input.loai);
  const name = kindName(kind, input as KindInput);
  const ky = kyHieu(yaml, input);
  const so = input.so === undefined || input.so === null ? null : numberText(input.so);
  const date = input.ngay ? parseIsoDate(input.ngay) : null;
  const year = date?.y ?? (input.ngay ? Number(input.ngay.slice(0, 4)) : undefined) ?? input.nam ?? new Date().getFullYear();
  const doc: Document = {
    meta: {
      kind: input.loai,
      so,
      kyHieu: ky,
      date: date ? input.ngay! : null,
      year,
      issuer: input.co_quan.ten.replace(/\s*\n\s*/gu, ' '),
      parent: input.co_quan.chu_quan?.replace(/\s*\n\s*/gu, ' ') ?? null,
      docType: name,
      subject: input.trich_yeu,
      sources: [...ctx.inputs].map((p) => relative(root, p)),
      placeholders: [],
      title: `${name} ${input.trich_yeu}`,
      soKyHieu: so === null ? null : `${so}/${ky}`,
      keywords: [so === null ? null : `${so}/${ky}`, name, input.co_quan.ten.replace(/\s*\n\s*/gu, ' ')].filter((k): k is string => k !== null),
      created: `${date ? input.ngay : `${year}-01-01`}T00:00:00Z`,
      language: 'vi',
    },
    parts,
  };
  const report: NormalizeReport = normalizeDocument(doc, input.chuan_hoa_dau);
  ctx.notes.push(...report.notes);
  const placeholders = new Set<string>();
  placeholdersIn(doc.parts, placeholders);
  doc.meta.placeholders = [...placeholders].map(detach); // not views into the texts
  doc.meta.sources = [...ctx.inputs].map((p) => relative(root, p));
  return { doc, notes: ctx.notes, inputs: [...ctx.inputs], absent: [...ctx.absent] };
}

/** Every "[cần điền…]" of the texts under `v`, in reading order (a walk: serializing the parts cost 0.4 ms a plan). */
function placeholdersIn(v: unknown, found: Set<string>): void {
  if (typeof v === 'string') {
    if (v.includes('[')) for (const m of v.match(PLACEHOLDER) ?? []) found.add(m);
  } else if (Array.isArray(v)) for (const x of v) placeholdersIn(x, found);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) placeholdersIn(x, found);
}

function loadInput(path: string, ctx: Context): { yaml: YamlFile; input: DocumentInput } {
  ctx.inputs.add(path);
  const yaml = readYaml(path, relative(ctx.root, path) || path);
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data))
    throw new InputError({ file: yaml.file, line: 1, col: 1 }, '', 'tệp không chứa các trường của một văn bản', 'xem mẫu trong data/');
  if (!('loai' in yaml.data)) fail(yaml, ['loai'], MISSING_LOAI, LOAI_FIX);
  // The picture files are checked with the fields, so one run reports both.
  const { data: input, pictures, notes } = validateWithPictures(currentDocumentSchema(), yaml, ctx.root);
  ctx.notes.push(...notes);
  for (const [k, p] of pictures) {
    ctx.pictures.set(k, p);
    ctx.inputs.add(p.path);
  }
  if (input.ngay === null && input.nam === undefined) fail(yaml, ['ngay'], 'dự thảo chưa có ngày thì phải có trường "nam"', 'thêm "nam: 2024"');
  if (input.ngay && input.nam !== undefined && Number(input.ngay.slice(0, 4)) !== input.nam)
    fail(yaml, ['nam'], `năm ${input.nam} khác năm của "ngay" (${input.ngay})`, 'bỏ trường "nam" (năm lấy từ "ngay"), hoặc sửa cho khớp');
  return { yaml, input };
}

function kyHieu(yaml: YamlFile, input: DocumentInput): string {
  const k = kindKyHieu(kindOf(input.loai), input as KindInput);
  if (k === null) return fail(yaml, ['ky_hieu'], 'công văn cần ký hiệu "<cơ quan>-<đơn vị soạn thảo>"', 'thêm "don_vi: VP" (ký hiệu thành STP-VP) hoặc "ky_hieu: STP-VP"');
  return k;
}

interface Parent {
  decision: DocumentInput;
  yaml: YamlFile;
}

/** The header's boxed marks: draft (above ô 2), phạm vi lưu hành (above ô 1), độ mật and độ khẩn (under số). */
function marksOf(input: DocumentInput): Mark[] {
  const marks: Mark[] = [];
  if (input.du_thao) marks.push({ box: 'draft', text: upperVi(input.du_thao === true ? 'Dự thảo' : String(input.du_thao)) });
  if (input.pham_vi_luu_hanh) marks.push({ box: 'circulation', text: upperVi(input.pham_vi_luu_hanh) });
  if (input.do_mat) marks.push({ box: 'secrecy', text: input.do_mat });
  if (input.do_khan) marks.push({ box: 'urgency', text: input.do_khan, widthMm: MARKS.urgencyWidthMm[input.do_khan]! });
  return marks;
}

/** A header name with the author's line breaks kept, each line trimmed and upper-cased. */
const headerLines = (name: string): string => name.split('\n').map((l) => upperVi(l.trim())).join('\n');

function composePart(yaml: YamlFile, input: DocumentInput, ctx: Context, parent: Parent | null): { part: Part } {
  const kind = kindOf(input.loai);
  const kindInput = input as KindInput;
  const campaign = input.chien_dich ? loadCampaign(yaml, input.chien_dich, ctx) : undefined;
  const own = kind.bodyOptional && !input.noi_dung && !input.mau ? [] : readBody(yaml, input, campaign, ctx, parent);
  const blocks = [...(kind.bodyBefore?.(kindInput) ?? []), ...own, ...(kind.bodyAfter?.(kindInput) ?? [])];
  const body = applyCase(closeBody(numberBlocks(blocks, numberingOf(input), yaml.file, ctx.refs)));
  const docTypeName = kindName(kind, kindInput);

  if (parent) {
    const d = parent.decision;
    const date = d.ngay ? parseIsoDate(d.ngay) : null;
    return {
      part: {
        title: {
          docType: upperVi(docTypeName),
          subject: input.trich_yeu,
          issuedWith: issuedWithLine('Quyết định', d.so === null || d.so === undefined ? null : numberText(d.so), kyHieu(parent.yaml, d), date ? longDate(date) : null, String(d.tham_quyen_ban_hanh)),
        },
        bases: input.can_cu.length ? basisLines(input.can_cu) : [],
        body,
      },
    };
  }

  const required = <K extends keyof PlanInput>(k: K): NonNullable<PlanInput[K]> => {
    const v = (input as PlanInput)[k];
    if (v === undefined || v === null) fail(yaml, [k], `văn bản ban hành độc lập phải có trường "${k}"`);
    return v as NonNullable<PlanInput[K]>;
  };
  const date = input.ngay ? parseIsoDate(input.ngay) : null;
  const month = input.ngay && !date ? Number(input.ngay.slice(5, 7)) : undefined;
  const year = date?.y ?? (input.ngay ? Number(input.ngay.slice(0, 4)) : undefined) ?? input.nam ?? 0;
  const so = input.so === undefined || input.so === null ? null : numberText(input.so);
  if (input.so === undefined) required('so');
  const strip = (items: string[], field: string) =>
    items.map((r, i) => {
      const { text, removed } = stripListPunctuation(r);
      if (removed) ctx.notes.push(`${yaml.file}: ${field}[${i}]: bỏ "${removed}" gõ thừa, dấu câu của Nơi nhận được tính theo Phụ lục I`);
      return text;
    });
  const drafter = { initials: input.nguoi_soan, copies: input.so_ban };
  const kit: ComposeKit = {
    fail: (field, problem, fix) => fail(yaml, [field], problem, fix),
    note: (t) => ctx.notes.push(`${yaml.file}: ${t}`),
    signature: (s) => withPictures({ lines: signatureLines(s as SignerInput), name: (s as SignerInput).ho_ten }, s as SignerInput, input, yaml, ctx),
    recipients: (items, archive) => recipientLines(strip(items, 'noi_nhan'), archive, drafter),
  };
  const marks = marksOf(input);
  const part: Part = {
    header: {
      ...(input.co_quan.chu_quan ? { parent: headerLines(input.co_quan.chu_quan) } : {}),
      issuer: headerLines(input.co_quan.ten),
      number: numberLine(so, kyHieu(yaml, input)),
      ...(marks.length ? { marks } : {}),
    },
    title: { docType: upperVi(docTypeName), subject: input.trich_yeu },
    bases: basisLines(input.can_cu),
    body,
    ...(input.dia_chi ? { addressStrip: input.dia_chi } : {}),
  };
  if (!kind.noPlaceDate && (input.dia_danh !== undefined || input.ngay !== undefined)) part.header!.placeDate = placeDateLine(required('dia_danh'), date, year, month);
  if (!kind.ownClosing && (input.nguoi_ky !== undefined || input.noi_nhan !== undefined)) {
    const signer = required('nguoi_ky');
    part.closing = {
      recipients: kit.recipients(required('noi_nhan'), required('luu')),
      signature: kit.signature(signer),
    };
  }
  kind.compose?.(kindInput, part, kit);
  if (!part.header!.placeDate && !kind.noPlaceDate) part.header!.placeDate = placeDateLine(required('dia_danh'), date, year, month);
  if (!part.closing) required('nguoi_ky');
  if (input.ngay === null && input.dia_danh) ctx.notes.push(`${yaml.file}: dự thảo chưa có ngày, dòng địa danh để trống ngày và tháng`);
  if (month) ctx.notes.push(`${yaml.file}: dự thảo chưa có ngày, dòng địa danh để trống ngày, giữ tháng ${month}`);
  return { part };
}

/**
 * The signer's signature and seal images (electronic issue, Phụ lục I II.7.d, II.8), on an issued text
 * only: a draft (no số, no full date, or a DỰ THẢO mark) is not signed, so its pictures wait, with a note.
 */
function withPictures(sig: Signature, s: SignerInput, input: DocumentInput, yaml: YamlFile, ctx: Context): Signature {
  if (!s.anh_chu_ky && !s.anh_dau) return sig;
  const issued = input.so !== null && input.so !== undefined && !!input.ngay && parseIsoDate(input.ngay) !== null && !input.du_thao;
  if (!issued) {
    ctx.notes.push(`${yaml.file}: dự thảo (chưa có số, ngày hoặc có dấu DỰ THẢO) chưa in ảnh chữ ký, ảnh dấu; ảnh được in khi văn bản có số, ngày và bỏ "du_thao"`);
    return sig;
  }
  const image = s.anh_chu_ky ? pictureOf('anh_chu_ky', s.anh_chu_ky, ctx.pictures) : undefined;
  const seal = s.anh_dau ? pictureOf('anh_dau', s.anh_dau, ctx.pictures) : undefined;
  return { ...sig, ...(image ? { image } : {}), ...(seal ? { seal } : {}) };
}

/**
 * The document's phụ lục, after its texts: each read from its Markdown file, numbered on its own, and
 * referred to from the body (a phụ lục nobody refers to is an error at its entry).
 */
function composeAppendices(yaml: YamlFile, input: DocumentInput, ctx: Context, parts: Part[]): Part[] {
  if (!input.phu_luc?.length) return [];
  const used = referencedLabels(parts);
  const date = input.ngay ? parseIsoDate(input.ngay) : null;
  const so = input.so === undefined || input.so === null ? null : numberText(input.so);
  const authority = input.loai === 'quyet-dinh' ? String(input.tham_quyen_ban_hanh) : input.co_quan.ten.replace(/\s*\n\s*/gu, ' ');
  const line = appendixLine(kindName(kindOf(input.loai), input as KindInput), so, kyHieu(yaml, input), date ? longDate(date) : null, authority);
  // A phụ lục is numbered I., 1., a) whatever its document's own numbering (Điều, Chương).
  const profile = kindOf(input.loai).numbering ? 'a)' : input.danh_so;
  return input.phu_luc.map((a, i) => {
    const label = appendixLabel(a, i);
    const name = ctx.refs.get(label)!;
    if (!used.has(label)) fail(yaml, ['phu_luc', i], `thân văn bản không dẫn tới ${name} ("${a.tieu_de}")`, `Phụ lục I, mục III.1 Nghị định 30: nội dung văn bản phải chỉ dẫn phụ lục; thêm [](#${label}) vào câu dẫn, ví dụ "chi tiết tại [](#${label}) kèm theo"`);
    const path = namedFile(yaml, ['phu_luc', i, 'noi_dung'], a.noi_dung, 'tệp nội dung phụ lục', ctx);
    if (!/\.md$/i.test(path)) fail(yaml, ['phu_luc', i, 'noi_dung'], `tệp nội dung "${a.noi_dung}" không phải tệp Markdown (.md)`, 'chỉ tới tệp .md chứa nội dung phụ lục');
    ctx.inputs.add(path);
    const shown = relative(ctx.root, path);
    const blocks = readMarkdown({ text: readBodyText(yaml, path, shown, ['phu_luc', i, 'noi_dung']), file: shown, maxLevel: MAX_NUMBERED_LEVEL[profile], known: new Set(ctx.refs.keys()) });
    return appendixPart(a, name, line, applyCase(closeBody(numberBlocks(blocks, profile, shown, ctx.refs))));
  });
}

/** The body's numbering: the kind's own (Điều, Chương/Mục/Điều) or the document's "danh_so". */
const numberingOf = (input: DocumentInput): NumberingProfile => kindOf(input.loai).numbering ?? input.danh_so;

/** Where each loaded campaign came from, to locate errors in its inline templates ("{{han}}"). */
const campaignYaml = new WeakMap<CampaignInput, YamlFile>();

function loadCampaign(yaml: YamlFile, rel: string, ctx: Context): CampaignInput {
  const path = namedFile(yaml, 'chien_dich', rel, 'tệp dữ liệu phong trào', ctx);
  ctx.inputs.add(path);
  const cyaml = readYaml(path, relative(ctx.root, path));
  const campaign = validate(campaignSchema, cyaml);
  campaignYaml.set(campaign, cyaml);
  const { tu, den, uoc_tinh_den } = campaign.thoi_gian;
  if (tu > den) fail(cyaml, ['thoi_gian', 'den'], `ngày kết thúc ${den} trước ngày bắt đầu ${tu}`);
  if (uoc_tinh_den && uoc_tinh_den < den) fail(cyaml, ['thoi_gian', 'uoc_tinh_den'], `ngày ước tính ${uoc_tinh_den} trước ngày kết thúc ${den}`);
  checkCampaignDates(campaign, cyaml);
  return campaign;
}

function readBody(yaml: YamlFile, input: DocumentInput, campaign: CampaignInput | undefined, ctx: Context, parent: Parent | null): Block[] {
  if (input.mau) {
    if (!TEMPLATE_NAME.test(input.mau)) fail(yaml, ['mau'], `tên mẫu "${input.mau}" không hợp lệ`, 'tên mẫu chỉ gồm chữ thường không dấu, số và dấu "-", không kèm thư mục hay đuôi .md.mustache');
    let tpl;
    try {
      tpl = findTemplate(input.mau, ctx.root);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      const { problem, fix } = refusalText(error, 'mẫu', `templates/${input.mau}.md.mustache`);
      return fail(yaml, ['mau'], problem, fix);
    }
    if (!tpl) fail(yaml, ['mau'], `không có mẫu "${input.mau}" trong templates/ của dự án hay của vanban`, 'kiểm tra tên mẫu (không kèm đuôi .md.mustache)');
    ctx.inputs.add(tpl.path);
    for (const a of tpl.absent) ctx.absent.add(a);
    const view = templateView(yaml, input, campaign, ctx);
    const shown = relative(ctx.root, tpl.path);
    const text = renderTemplate(tpl.text, view, { file: shown });
    return readMarkdown({ text, file: `${shown} (dữ liệu từ ${yaml.file})`, maxLevel: maxLevelOf(input), known: new Set(ctx.refs.keys()) });
  }
  if (input.noi_dung) {
    const path = namedFile(yaml, 'noi_dung', input.noi_dung, 'tệp nội dung', ctx);
    if (!/\.md$/i.test(path)) fail(yaml, ['noi_dung'], `tệp nội dung "${input.noi_dung}" không phải tệp Markdown (.md)`, 'chỉ tới tệp .md chứa nội dung văn bản');
    ctx.inputs.add(path);
    const shown = relative(ctx.root, path);
    return readMarkdown({ text: readBodyText(yaml, path, shown), file: shown, maxLevel: maxLevelOf(input), known: new Set(ctx.refs.keys()) });
  }
  void parent;
  return fail(yaml, [], 'văn bản chưa có nội dung', 'thêm trường "noi_dung" (tệp Markdown) hoặc "mau" (tên mẫu)');
}

/** What a template sees: the document's fields, its campaign with computed sentences, its attachment. */
function templateView(yaml: YamlFile, input: DocumentInput, campaign: CampaignInput | undefined, ctx: Context): object {
  const view: Record<string, unknown> = { ...input };
  if (campaign) view.chien_dich = campaignView(campaign, campaignFile(yaml, input, ctx), input.trinh_bay_phan_cong);
  if (input.loai === 'quyet-dinh' && input.kem_theo) {
    const path = namedFile(yaml, 'kem_theo', String(input.kem_theo), 'tệp văn bản kèm theo', ctx);
    const attYaml = readYaml(path, relative(ctx.root, path));
    const att = validate(currentDocumentSchema(), attYaml);
    const attCampaign = att.chien_dich ? loadCampaign(attYaml, att.chien_dich, ctx) : undefined;
    view.kem_theo = {
      ...att,
      ten_goi: `${kindName(kindOf(att.loai), att as KindInput)} ${lowerFirst(att.trich_yeu)}`,
      ...(attCampaign ? { chien_dich: campaignView(attCampaign, campaignFile(attYaml, att, ctx), att.trinh_bay_phan_cong) } : {}),
    };
  }
  return view;
}

function campaignView(c: CampaignInput, shown: string, taskLayout: DocumentInput['trinh_bay_phan_cong']): object {
  const d = (iso: string) => shortDate(parseIsoDate(iso)!);
  const { tu, den, uoc_tinh_den } = c.thoi_gian;
  const tasks = c.phan_cong ?? [];
  return {
    ...c,
    // phases, milestones and the task table, for the time part and the Tổ chức thực hiện part
    dot_chu: phaseLines(c),
    moc_chu: milestoneLines(c),
    chi_tiet_thoi_gian: timeDetails(c),
    co_phan_cong: tasks.length > 0,
    phan_cong_bang: tasks.length && taskLayout !== 'dong' ? taskTable(tasks) : null,
    phan_cong_dong: tasks.length && taskLayout === 'dong' ? taskLines(tasks) : [],
    cau_thoi_gian: `Phong trào thi đua được triển khai thực hiện từ ngày ${d(tu)} đến hết ngày ${d(den)}${uoc_tinh_den ? ` và ước tính đến hết ngày ${d(uoc_tinh_den)}` : ''}.`,
    noi_dung_thi_dua: {
      ...c.noi_dung_thi_dua,
      mo_dau: c.noi_dung_thi_dua.mo_dau ?? `Phong trào thi đua được phát động với chủ đề “${c.chu_de}” trong đó tập trung vào các nhiệm vụ sau:`,
    },
    to_chuc_thuc_hien: c.to_chuc_thuc_hien.map((u, i) => {
      const viec_chu = u.viec.map((v, j) => {
        if (typeof v === 'string') return v;
        const yaml = campaignYaml.get(c);
        // The value's line is only needed for an error: locating it parses the file again, with positions.
        const path = ['to_chuc_thuc_hien', i, 'viec', j, 'noi_dung'];
        let key: Location | undefined;
        const source = yaml ? { file: yaml.file, get line() { return (key ??= yaml.locate(path)).line; }, get col() { return (key ??= yaml.locate(path)).col + 'noi_dung: '.length; } } : { file: shown };
        return renderTemplate(v.noi_dung, { han: v.han ? d(v.han) : '' }, source);
      });
      return { ...u, viec_chu, mot_viec: viec_chu.length === 1 };
    }),
  };
}

const maxLevelOf = (input: DocumentInput): number => MAX_NUMBERED_LEVEL[numberingOf(input)];

const realOf = (p: string): string => {
  try {
    return realPath(p);
  } catch {
    return p;
  }
};

/** The campaign file as shown, for errors in its inline templates. */
function campaignFile(yaml: YamlFile, input: DocumentInput, ctx: Context): string {
  return input.chien_dich ? relative(ctx.root, namedFile(yaml, 'chien_dich', input.chien_dich, 'tệp dữ liệu phong trào', ctx)) : yaml.file;
}
