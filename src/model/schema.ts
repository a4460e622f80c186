// Input schemas: the YAML a clerk writes, with field names in the domain's own words.
// `npm run schema` turns these into schema/vanban.schema.json for editors.

import { z } from 'zod';
import { parseIsoDate } from '../text/date.ts';
import { PICTURE_MM } from '../read/pictures.ts';
import { allKinds, kindList, onKindsChanged } from '../kinds/index.ts';
import type { FieldKit, Kind, KindInput } from '../kinds/kind.ts';

const text = z.string().trim().min(1, { error: 'không được để trống' });
/** Text on one line: a line feed typed into the field would be written raw, so it is refused at its line. */
const line = text.refine((s) => !/[\n\r\u2028\u2029]/u.test(s), {
  error: 'trường này viết trên một dòng; văn bản tự xuống dòng khi cần',
});
/** A Nơi nhận item: the "- Lưu: …" line is made from `luu` (Phụ lục I, II.9), so typed here it would print twice. */
const recipient = line.refine((s) => !/^[-–+\s]*Lưu(?:\s*:|\s+VT\b|\s*$)/iu.test(s), {
  error: 'dòng "Lưu" không phải một nơi nhận: vanban tự thêm dòng "- Lưu: …" cuối Nơi nhận từ trường luu; xóa mục này (ghi nơi lưu vào luu)',
});
/** A header name (ô 2): a line feed is the author's line break ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"), no blank line. */
const headerName = text.refine((s) => !/\n\s*\n|\r|[\u2028\u2029]/u.test(s), { error: 'tên cơ quan không có dòng trống; mỗi dòng xuống là một lần ngắt dòng' });
/** "08:30". */
const time = z.string({ error: 'cần giờ dạng hh:mm, ví dụ 08:30' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'cần giờ dạng hh:mm, ví dụ 08:30' });

/** Years a document may carry: from the founding of the state (1945) to next year + 5 (plans look forward). */
export const MIN_YEAR = 1945;
export const maxYear = (): number => new Date().getFullYear() + 1 + 5;
const yearProblem = (y: number): string | null => (y < MIN_YEAR || y > maxYear() ? `năm ${y} nằm ngoài khoảng ${MIN_YEAR}–${maxYear()}` : null);

/** ISO date "yyyy-mm-dd" that exists on the calendar, in a year a document may carry. */
export const isoDate = z
  .string({ error: 'cần một ngày dạng yyyy-mm-dd, ví dụ 2024-02-29' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'cần một ngày dạng yyyy-mm-dd, ví dụ 2024-02-29' })
  .refine((s) => parseIsoDate(s) !== null, { error: (iss) => `ngày không có thật trên lịch: ${String(iss.input)}` })
  .superRefine((s, ctx) => {
    const problem = yearProblem(Number(s.slice(0, 4)));
    if (problem && parseIsoDate(s)) ctx.addIssue({ code: 'custom', message: `ngày ${s}: ${problem}`, input: s });
  });

/** A year field ("nam"), within the same range as dates. */
const yearField = z
  .number({ error: 'cần một năm, ví dụ 2024' })
  .int({ error: 'cần một năm, ví dụ 2024' })
  .min(MIN_YEAR, { error: `năm không được trước ${MIN_YEAR}` })
  .max(2100, { error: `năm ngoài khoảng ${MIN_YEAR}–2100` })
  .superRefine((y, ctx) => {
    const problem = yearProblem(y);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: y });
  });

export const AUTHORITIES = ['TM', 'KT', 'Q', 'TL', 'TUQ'] as const;

const authority = z.enum(AUTHORITIES, { error: 'chỉ nhận một trong: TM, KT, Q, TL, TUQ' });
const levels = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A printed size of a picture, in millimetres (src/read/pictures.ts checks the file and its proportions). */
const pictureMm = (what: string) =>
  z
    .number({ error: `${what} là một số milimét, ví dụ 40` })
    .min(PICTURE_MM.min, { error: `${what} từ ${PICTURE_MM.min} đến ${PICTURE_MM.max} mm` })
    .max(PICTURE_MM.max, { error: `${what} từ ${PICTURE_MM.min} đến ${PICTURE_MM.max} mm` });
const pictureFile = text.refine((s) => /\.png$/iu.test(s), { error: 'ảnh chữ ký, ảnh dấu là tệp .png nền trong suốt' }).describe('Tệp ảnh .png nền trong suốt, đường dẫn tương đối với tệp YAML');

/** Ô 7c: the signer's signature image (blue, transparent PNG), printed centred between chức vụ and name. */
const signatureImage = z
  .strictObject({
    tep: pictureFile,
    rong_mm: pictureMm('chiều rộng ảnh chữ ký').optional().describe('Chiều rộng khi in, mm (ví dụ 40); chiều cao tính theo tỉ lệ của ảnh'),
    cao_mm: pictureMm('chiều cao ảnh chữ ký').optional().describe('Chiều cao khi in, mm; chỉ cần khi không ghi chiều rộng'),
  })
  .refine((a) => a.rong_mm !== undefined || a.cao_mm !== undefined, { error: 'cần kích thước in của ảnh chữ ký: "rong_mm: 40"', path: ['rong_mm'] });

/** Ô 8: the issuer's seal image (red, transparent PNG, real size), over the left third of the signature. */
const sealImage = z.strictObject({
  tep: pictureFile,
  duong_kinh_mm: pictureMm('đường kính dấu').describe('Đường kính thật của con dấu, mm (ví dụ 36): ảnh được in đúng cỡ dấu; ảnh cắt sát vành dấu'),
});

/**
 * The signer: one authority form ("tham_quyen: KT", "thay_mat: Bộ trưởng") or several levels, outermost
 * first ("tham_quyen: [TM, KT]", "thay_mat: [Ủy ban nhân dân, Chủ tịch]"); each TM., KT., TL., TUQ. names
 * whom it signs for, Q. (last only) stands before the signer's own title.
 */
export const signerSchema = z
  .strictObject({
    tham_quyen: z.union([authority, z.array(authority).min(1).max(3, { error: 'tối đa ba cấp thẩm quyền' })], { error: 'chỉ nhận TM, KT, Q, TL, TUQ hoặc một danh sách các cấp, ví dụ [TM, KT]' }).optional().describe('TM., KT., Q., TL. hoặc TUQ.; nhiều cấp: [TM, KT]'),
    thay_mat: z.union([line, z.array(line).min(1)]).optional().describe('Người đứng đầu hoặc tập thể được ký thay, thừa lệnh: "Bộ trưởng", "Ủy ban nhân dân"; nhiều cấp: [Ủy ban nhân dân, Chủ tịch]'),
    chuc_vu: line.describe('Chức vụ của người ký: "Thứ trưởng", "Giám đốc"'),
    ho_ten: line.describe('Họ tên người ký, không ghi học hàm, học vị'),
    anh_chu_ky: signatureImage.optional().describe('Văn bản điện tử: ảnh chữ ký của người ký (màu xanh, .png nền trong suốt), đặt giữa chức vụ và họ tên: { tep: chu-ky.png, rong_mm: 40 }'),
    anh_dau: sealImage.optional().describe('Văn bản điện tử: ảnh dấu của cơ quan (màu đỏ, .png nền trong suốt, đúng cỡ thật), trùm lên khoảng 1/3 ảnh chữ ký về bên trái: { tep: dau.png, duong_kinh_mm: 36 }'),
  })
  .superRefine((s, ctx) => {
    const forms = levels(s.tham_quyen);
    const names = levels(s.thay_mat);
    const q = forms.indexOf('Q');
    if (q >= 0 && q !== forms.length - 1) ctx.addIssue({ code: 'custom', path: ['tham_quyen'], message: 'Q. (quyền) chỉ đứng ở cấp cuối, trước chức vụ của người ký' });
    const needed = forms.filter((f) => f !== 'Q').length;
    if (names.length !== needed)
      ctx.addIssue({
        code: 'custom',
        path: ['thay_mat'],
        message: needed === 0 ? 'không ký TM., KT., TL., TUQ. thì bỏ trường "thay_mat"' : needed === 1 && names.length === 0 ? 'ký TM., KT., TL., TUQ. phải có trường "thay_mat"' : `có ${needed} cấp TM./KT./TL./TUQ. nên "thay_mat" cần ${needed} tên, theo thứ tự (đang có ${names.length})`,
      });
  });

export const issuerSchema = z.strictObject({
  ten: headerName.describe('Tên cơ quan ban hành: "Bộ Tư pháp", "Sở Tư pháp"; xuống dòng ở đâu thì ngắt dòng ở đó'),
  viet_tat: z
    .string()
    .regex(/^[A-ZĐ][A-ZĐa-zđ0-9]*$/u, { error: 'chữ viết tắt chỉ gồm chữ cái và số, không dấu cách, ví dụ BTP, STP' })
    .describe('Chữ viết tắt dùng trong ký hiệu: BTP, STP'),
  chu_quan: headerName.optional().describe('Cơ quan chủ quản trực tiếp, như trên văn bản: "UBND TỈNH AN GIANG"; xuống dòng ở đâu thì ngắt dòng ở đó'),
});

const SO_ERROR = 'số văn bản là một số nguyên dương, hoặc null khi chưa cấp số';
/** Số is the order of issue in a year: five digits are more than any office issues. */
export const MAX_SO = 99999;

/** Leading zeros and out-of-range numbers, after the type check of the union. */
const soBounds = (v: number | string | null, ctx: z.RefinementCtx): void => {
  if (v === null) return;
  const text = String(v);
  if (/^0\d/.test(text)) ctx.addIssue({ code: 'custom', message: 'số văn bản viết không có số 0 đứng đầu (số 0 trước số nhỏ hơn 10 được thêm khi in)', input: v });
  else if (Number(text) > MAX_SO) ctx.addIssue({ code: 'custom', message: `số văn bản tối đa ${MAX_SO}`, input: v });
  else if (Number(text) < 1) ctx.addIssue({ code: 'custom', message: SO_ERROR, input: v });
};

export const NUMBERING_PROFILES = ['1.1.', 'a)'] as const;

/** Phụ lục kèm theo văn bản: numbered, titled and referred to from the body (src/transform/appendix.ts). */
export const appendixSchema = z.strictObject({
  tieu_de: text.describe('Tên phụ lục, như sau dòng "Phụ lục I": "Phân công nhiệm vụ"'),
  noi_dung: text.describe('Tệp Markdown chứa nội dung phụ lục (đường dẫn tương đối với tệp YAML)'),
  nhan: z.string().regex(/^[\w-]+$/u, { error: 'nhãn chỉ gồm chữ, số, "-" và "_", ví dụ phan-cong' }).optional().describe('Nhãn để thân văn bản dẫn tới: [](#nhan); mặc định phu-luc-1, phu-luc-2, …'),
  ngang: z.boolean().default(false).describe('Trình bày trên trang A4 nằm ngang (bảng rộng)'),
});
export type AppendixInput = z.infer<typeof appendixSchema>;

/** How a campaign's task table (phan_cong) is set in the plan: a table, or lines under each task. */
export const TASK_LAYOUTS = ['bang', 'dong'] as const;

/**
 * The date of a document, or of a draft with its day left blank ("2024-01": "ngày      tháng 01 năm
 * 2024"); null leaves day and month blank (with "nam").
 */
/** yyyy-mm-dd, or yyyy-mm for a draft whose day is left blank. */
export const DRAFT_DATE_PATTERN = '^\\d{4}-\\d{2}(-\\d{2})?$';
/** What a clerk may type for a draft's date that has no meaning, or another spelling, and what to write instead. */
function draftDateProblem(s: string): string | null {
  const blanks = 'ghi "yyyy-mm" để trống ngày, giữ tháng (2024-01: "ngày      tháng 01 năm 2024"), hoặc "ngay: null" cùng "nam: 2024" để trống cả ngày và tháng';
  // A day without its month: the day of which month? It cannot be checked on the calendar, and a draft's
  // date is filled in at signing, so the decree's drafts leave the day blank, or both.
  if (/^\d{4}-(?:00|[-_.xX ]*)-\d{1,2}$/.test(s)) return `${/^\d{4}-00-/.test(s) ? `tháng 00 không có thật (${s}); dự thảo` : `dự thảo (${s})`} không để trống tháng mà giữ ngày: ngày chỉ có nghĩa trong một tháng; ${blanks}`;
  if (/^\d{4}-(?:00|[-_.xX ]+)$/.test(s) || /^\d{4}-?$/.test(s)) return `"${s}" không phải một ngày; ${blanks}`;
  const short = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (short && (short[2]!.length === 1 || short[3]?.length === 1)) return `ngày, tháng viết đủ hai chữ số: ${[short[1], short[2]!.padStart(2, '0'), ...(short[3] ? [short[3].padStart(2, '0')] : [])].join('-')}`;
  return null;
}

const documentDate = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number' && Number.isInteger(iss.input) && iss.input >= MIN_YEAR && iss.input <= 2100
        ? `để trống cả ngày và tháng thì ghi "ngay: null" và "nam: ${iss.input}"; để trống ngày, giữ tháng thì ghi "ngay: ${iss.input}-01"`
        : 'cần một ngày dạng yyyy-mm-dd, ví dụ 2024-02-29',
  })
  .superRefine((s, ctx) => {
    const odd = draftDateProblem(s);
    if (odd) return void ctx.addIssue({ code: 'custom', message: odd, input: s });
    const month = /^(\d{4})-(\d{2})$/.exec(s);
    if (month) {
      const m = Number(month[2]);
      if (m < 1 || m > 12) ctx.addIssue({ code: 'custom', message: `tháng không có thật: ${s}`, input: s });
      const problem = yearProblem(Number(month[1]));
      if (problem) ctx.addIssue({ code: 'custom', message: `ngày ${s}: ${problem}`, input: s });
      return;
    }
    const r = isoDate.safeParse(s);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, input: s });
  })
  // For editors and the browser form (validation is the refinement above): a date, or a month for a draft.
  .meta({ pattern: DRAFT_DATE_PATTERN });

export const URGENCY = ['HỎA TỐC', 'THƯỢNG KHẨN', 'KHẨN'] as const;
export const SECRECY = ['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const;

const documentBase = {
  co_quan: issuerSchema.describe('Cơ quan ban hành: tên, chữ viết tắt, cơ quan chủ quản'),
  so: z
    .union([z.number({ error: SO_ERROR }).int({ error: SO_ERROR }).positive({ error: SO_ERROR }), z.string({ error: SO_ERROR }).regex(/^\d+$/, { error: SO_ERROR }), z.null()], { error: SO_ERROR })
    .superRefine(soBounds)
    .describe('Số văn bản do Văn thư cấp; null cho dự thảo chưa có số'),
  ky_hieu: z
    .string()
    .regex(/^[A-ZĐ][A-ZĐa-zđ0-9.]*(-[A-ZĐ][A-ZĐa-zđ0-9.]*)+$/u, { error: 'ký hiệu dạng QĐ-BTP, KH-STP: các nhóm chữ nối bằng "-", không dấu cách' })
    .optional()
    .describe('Ký hiệu khi khác cách tính sẵn (chữ viết tắt tên loại + cơ quan): "QĐ-BTP", "KH-STP"'),
  ngay: documentDate.nullable().describe('Ngày ban hành yyyy-mm-dd; yyyy-mm cho dự thảo để trống ngày; null để trống ngày và tháng'),
  nam: yearField.optional().describe('Năm ban hành, bắt buộc khi "ngay" là null'),
  dia_danh: line.describe('Địa danh ghi trước ngày tháng: "Hà Nội", "An Giang"'),
  trich_yeu: line.describe('Trích yếu nội dung'),
  can_cu: z.array(line).default([]).describe('Các căn cứ ban hành, mỗi căn cứ một dòng, không cần dấu ";" cuối'),
  noi_dung: text.optional().describe('Tệp Markdown chứa nội dung (đường dẫn tương đối với tệp YAML)'),
  mau: text.optional().describe('Tên mẫu Mustache trong templates/ dùng để sinh nội dung'),
  chien_dich: text.optional().describe('Tệp dữ liệu phong trào thi đua dùng chung (đường dẫn tương đối)'),
  danh_so: z.enum(NUMBERING_PROFILES, { error: 'kiểu đánh số chỉ nhận "1.1." hoặc "a)"' }).default('1.1.').describe('Kiểu đánh số cấp thứ ba: "1.1." (Bộ) hoặc "a)" (địa phương)'),
  noi_nhan: z.array(recipient).min(1, { error: 'cần ít nhất một nơi nhận' }).describe('Nơi nhận, mỗi dòng một nơi, không cần "-" và ";"'),
  luu: z.array(line).min(1).describe('Nơi lưu: [VT, Vụ TCCB]'),
  nguoi_soan: z.string().regex(/^[A-ZĐ][A-ZĐ.]*$/u, { error: 'ký hiệu người soạn thảo viết hoa, không dấu cách, ví dụ NVA' }).optional().describe('Ký hiệu người soạn thảo (ô 12), in sau dòng Lưu: "PL"'),
  so_ban: z.number({ error: 'số bản phát hành là một số nguyên dương' }).int({ error: 'số bản phát hành là một số nguyên dương' }).positive({ error: 'số bản phát hành là một số nguyên dương' }).optional().describe('Số lượng bản phát hành (ô 12): "PL.(300)"'),
  du_thao: z.union([z.boolean(), line]).optional().describe('Dấu dự thảo: true in "DỰ THẢO", hoặc chữ riêng: "Dự thảo lần 2"'),
  do_mat: z.enum(SECRECY, { error: 'độ mật chỉ nhận "MẬT", "TỐI MẬT" hoặc "TUYỆT MẬT"' }).optional().describe('Dấu chỉ độ mật (ô 10a)'),
  do_khan: z.enum(URGENCY, { error: 'độ khẩn chỉ nhận "HỎA TỐC", "THƯỢNG KHẨN" hoặc "KHẨN"' }).optional().describe('Dấu chỉ mức độ khẩn (ô 10b)'),
  pham_vi_luu_hanh: line.optional().describe('Chỉ dẫn phạm vi lưu hành (ô 11): "Lưu hành nội bộ", "Xem xong trả lại"'),
  dia_chi: line.optional().describe('Địa chỉ, điện thoại, thư điện tử, trang thông tin (ô 13), in cuối trang 1 dưới một đường kẻ'),
  nguoi_ky: signerSchema.describe('Người ký: quyền hạn, chức vụ, họ tên'),
  chuan_hoa_dau: z.boolean().default(true).describe('Đưa dấu thanh về kiểu "hòa" (như Quốc hiệu); mọi thay đổi đều được báo'),
  phu_luc: z.array(appendixSchema).max(50).optional().describe('Các phụ lục kèm theo văn bản; thân văn bản phải dẫn tới từng phụ lục'),
  trinh_bay_phan_cong: z.enum(TASK_LAYOUTS, { error: 'chỉ nhận "bang" (bảng) hoặc "dong" (các dòng dưới mỗi nhiệm vụ)' }).optional().describe('Cách trình bày bảng phân công nhiệm vụ (phan_cong) của phong trào: "bang" (mặc định) hoặc "dong"'),
};

/** What a kind file builds its fields from (src/kinds/kind.ts). */
const fieldKit: FieldKit = { z, text, line, isoDate, signer: signerSchema, time, base: documentBase };

/** The input schema of one kind: "loai", the common base, the kind's own fields. */
export function kindSchema(kind: Kind) {
  return z.strictObject({ loai: z.literal(kind.loai).describe(`Loại văn bản: ${typeof kind.name === 'string' ? kind.name : kind.name({} as KindInput)}`), ...documentBase, ...kind.fields(fieldKit) });
}

let union: z.ZodType | null = null;
onKindsChanged(() => (union = null));
const unionOfKinds = (): z.ZodType => {
  if (union) return union; // built once: building it is a tenth of composing a plan
  const [first, ...rest] = allKinds().map(kindSchema);
  union = z.discriminatedUnion('loai', [first!, ...rest], {
    error: (iss) => (iss.code === 'invalid_union' ? `loại văn bản chưa hỗ trợ; "loai" chỉ nhận ${kindList()}` : undefined),
  });
  return union;
};

const baseInput = z.strictObject({ ...documentBase });
type BaseInput = z.infer<typeof baseInput>;
type Attached = 'so' | 'ngay' | 'dia_danh' | 'noi_nhan' | 'luu' | 'nguoi_ky';
/** Any kind's input: the common base and the kind's own fields (src/kinds/), by the registry. */
export type DocumentInput = Omit<BaseInput, Attached> & Partial<Pick<BaseInput, Attached>> & { loai: string; [field: string]: unknown };
export type DecisionInput = BaseInput & { loai: 'quyet-dinh'; tham_quyen_ban_hanh: string; theo_de_nghi?: string | undefined; thi_hanh?: string | undefined; kem_theo?: string | undefined };
export type PlanInput = Omit<BaseInput, Attached> & Partial<Pick<BaseInput, Attached>> & { loai: 'ke-hoach' };

/** Every kind registered when first used, discriminated by "loai" (for editors and static callers). */
export const documentSchema = z.lazy(unionOfKinds) as unknown as z.ZodType<DocumentInput>;
/** Every kind registered now (zod's lazy schema keeps its first union; a kind registered later is in this one). */
export const currentDocumentSchema = (): z.ZodType<DocumentInput> => unionOfKinds() as z.ZodType<DocumentInput>;

export type SignerInput = z.infer<typeof signerSchema>;

const deadlineTask = z.strictObject({
  noi_dung: text.describe('Nội dung công việc; "{{han}}" trong câu được thay bằng hạn dạng 15/3/2024'),
  han: isoDate.optional().describe('Hạn hoàn thành yyyy-mm-dd'),
  han_bo: isoDate.optional().describe('Hạn tương ứng trong Kế hoạch của cơ quan cấp trên (Kế hoạch sinh bởi `vanban derive`); "han" phải trước ngày này'),
});

/** The decision a local plan carries out ("Thực hiện Quyết định số … của Bộ trưởng Bộ Tư pháp …"). */
const implementedDecision = z.strictObject({
  so: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)], { error: 'số văn bản là một số nguyên dương' }).superRefine(soBounds).describe('Số của Quyết định'),
  ky_hieu: text.describe('Ký hiệu: "QĐ-BTP"'),
  ngay: isoDate.describe('Ngày ban hành yyyy-mm-dd'),
  tham_quyen: text.describe('Người (cơ quan) ban hành, như sau chữ "của": "Bộ trưởng Bộ Tư pháp"'),
  trich_yeu: text.describe('Trích yếu của Quyết định'),
  nguon: text.optional().describe('Tệp dữ liệu phong trào của cơ quan cấp trên đã dùng để sinh Kế hoạch này'),
});

/** One row of a task table (Phụ lục "Phân công nhiệm vụ" of real plans). */
const assignedTask = z.strictObject({
  noi_dung: text.describe('Nội dung công việc'),
  chu_tri: text.describe('Cơ quan (đơn vị) chủ trì'),
  phoi_hop: text.optional().describe('Cơ quan (đơn vị) phối hợp'),
  thoi_gian: text.optional().describe('Thời gian thực hiện, như sẽ in: "Quý II/2024", "Thường xuyên"'),
  han: isoDate.optional().describe('Hạn hoàn thành yyyy-mm-dd (in "Trước ngày 15/3/2024"); trong thời gian phong trào'),
  san_pham: text.optional().describe('Sản phẩm: "Kế hoạch của Sở", "Báo cáo"'),
});

/** A phase (đợt thi đua) or a milestone of the campaign, inside its thoi_gian. */
const campaignPhase = z.strictObject({
  ten: text.describe('Tên đợt: "Đợt 1", "Đợt cao điểm chào mừng …"'),
  tu: isoDate.describe('Ngày bắt đầu yyyy-mm-dd'),
  den: isoDate.describe('Ngày kết thúc yyyy-mm-dd'),
  noi_dung: text.optional().describe('Nội dung trọng tâm của đợt'),
});
const campaignMilestone = z.strictObject({
  ngay: isoDate.describe('Ngày yyyy-mm-dd'),
  noi_dung: text.describe('Việc phải xong vào ngày đó: "Sơ kết 6 tháng"'),
});

/** Campaign data (phong trào thi đua), shared by the decision and the plan of one campaign. */
export const campaignSchema = z.strictObject({
  ten: text.describe('Tên phong trào, viết thường, như sau chữ "Kế hoạch"'),
  chu_de: text.describe('Chủ đề phong trào, không kèm ngoặc kép'),
  nam: yearField.describe('Năm của phong trào'),
  mo_dau: text.describe('Đoạn mở đầu của Kế hoạch (có thể dùng Markdown trong dòng)'),
  muc_dich: z.array(text).min(1).describe('Mục đích của phong trào, mỗi ý một dòng'),
  yeu_cau: z.array(text).min(1).describe('Yêu cầu của phong trào, mỗi ý một dòng'),
  doi_tuong: z
    .strictObject({ tap_the: text.describe('Các tập thể tham gia thi đua'), ca_nhan: text.describe('Các cá nhân tham gia thi đua') })
    .describe('Đối tượng thi đua'),
  thoi_gian: z
    .strictObject({
      tu: isoDate.describe('Ngày bắt đầu phong trào yyyy-mm-dd'),
      den: isoDate.describe('Ngày kết thúc phong trào yyyy-mm-dd'),
      uoc_tinh_den: isoDate.optional().describe('Số liệu báo cáo được ước tính đến ngày này (yyyy-mm-dd)'),
      dot: z.array(campaignPhase).max(100).optional().describe('Các đợt thi đua, theo thứ tự thời gian'),
      moc: z.array(campaignMilestone).max(100).optional().describe('Các mốc thời gian (sơ kết, tổng kết, gửi hồ sơ), theo thứ tự'),
    })
    .describe('Thời gian thi đua'),
  danh_hieu: z.array(text).min(1).describe('Danh hiệu thi đua và đối tượng được xét tặng'),
  khen_thuong: z.array(text).min(1).describe('Hình thức khen thưởng và đối tượng được xét tặng'),
  noi_dung_thi_dua: z
    .strictObject({
      mo_dau: text.optional().describe('Câu dẫn của phần Nội dung thi đua; mặc định sinh từ chủ đề'),
      linh_vuc: z
        .array(z.strictObject({ ten: text.describe('Tên lĩnh vực công tác'), nhiem_vu: z.array(text).min(1).describe('Nhiệm vụ thi đua của lĩnh vực, mỗi nhiệm vụ một dòng') }))
        .min(1)
        .describe('Nội dung thi đua theo từng lĩnh vực công tác'),
    })
    .describe('Nội dung thi đua'),
  to_chuc_thuc_hien: z
    .array(
      z.strictObject({
        don_vi: text.describe('Đơn vị được giao việc: "Vụ Thi đua - Khen thưởng", "Sở Tư pháp các tỉnh, thành phố"'),
        viec: z.array(z.union([text, deadlineTask])).min(1).describe('Các việc của đơn vị: một câu, hoặc nội dung kèm hạn'),
      }),
    )
    .min(1)
    .describe('Tổ chức thực hiện: việc của từng đơn vị'),
  phan_cong: z.array(assignedTask).max(1000).optional().describe('Bảng phân công nhiệm vụ: STT, nội dung, chủ trì, phối hợp, thời gian, sản phẩm'),
  ket_thuc: text.optional().describe('Đoạn kết của Kế hoạch'),
  thuc_hien: implementedDecision.optional().describe('Quyết định của cơ quan cấp trên mà Kế hoạch địa phương này thực hiện (ghi bởi `vanban derive`)'),
});

export type CampaignInput = z.infer<typeof campaignSchema>;
