// Ministry campaign + province profile → the local plan's data files (ke-hoach.yaml, chien-dich.yaml),
// modelled on Ninh Thuận's plan carrying out the ministry's 2023 plan (reference seed 001):
// the ministry's purposes, requirements and fields of work are kept (renumbered a), b), …); the opening
// cites the ministry's decision; who competes and who is rewarded is narrowed to the province's units;
// "Tổ chức thực hiện" is rewritten for those units with deadlines before the ministry's; the closing,
// Nơi nhận and signature are the Sở's own. The output is data for the clerk to edit, then build.

import { dirname, relative, resolve } from 'node:path';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { CampaignInput, PlanInput } from '../model/schema.ts';
import { picturesFrom } from '../read/pictures.ts';
import { parseIsoDate, shortDate, toIso } from '../text/date.ts';
import { lowerFirst, placeholder } from '../text/wording.ts';
import { deriveDeadline } from './deadlines.ts';
import { localize, type Localized, type Scope } from './localize.ts';
import { outOfValidity, validInYear, validOn, type Profile } from './profile.ts';
import type { ChangeReport, DeadlineChange, SectionChange } from './report.ts';
import type { MinistrySource } from './source.ts';
import { cleanDerived } from './clean.ts';

export const LOCAL_TEMPLATE = 'ke-hoach-thi-dua-dia-phuong';
export const PLAN_FILE = 'ke-hoach.yaml';
export const CAMPAIGN_FILE = 'chien-dich.yaml';
// Outside data/: `npm run build-docs` builds the samples only, whatever was derived since.
export const DEFAULT_OUT = 'derived';

export interface DerivedPlan {
  profile: Profile;
  dir: string; // absolute output folder: <out>/<slug>/<campaign folder>
  files: Record<string, string>; // file name → content
  report: Omit<ChangeReport, 'files' | 'placeholders'>;
}

export interface DeriveOptions {
  root?: string; // project root (relative paths are shown from here)
  out?: string; // folder under which <slug>/<campaign folder>/ is made
}

type Task = CampaignInput['to_chuc_thuc_hien'][number]['viec'][number];
type Unit = CampaignInput['to_chuc_thuc_hien'][number];

const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const ALL_SO = /\s+đối với (?:các )?(?:Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương|cơ quan tư pháp địa phương)/u;
/** A unit's tasks, each ending ";" inside the list and "." for the last one (dated tasks keep their dates). */
const tasks = (items: Task[]): Task[] =>
  items.map((t, i) => {
    const end = (s: string) => s.replace(/[\s;.,:]+$/u, '') + (i === items.length - 1 ? '.' : ';');
    return typeof t === 'string' ? end(t) : { ...t, noi_dung: end(t.noi_dung) };
  });

/** Builds one province's plan data. Profile problems throw located InputErrors; nothing is written here. */
export function derivePlan(src: MinistrySource, profile: Profile, opts: DeriveOptions = {}): DerivedPlan {
  const root = opts.root ?? process.cwd();
  const c = src.campaign;
  const P = profile.data;
  const U = P.don_vi;
  const H = P.cap_huyen;
  if (!validInYear(P, c.nam)) throw outOfValidity(profile, c.nam);

  const sections: SectionChange[] = [];
  const warnings: string[] = [];
  const dec = src.decision;
  const decDate = shortDate(parseIsoDate(dec.ngay)!);
  const decisionCite = `${dec.docType} số ${dec.so}/${dec.kyHieu} ngày ${decDate} của ${dec.thamQuyen}`;
  const so = P.co_quan.ten; // "Sở Tư pháp"
  const allUnits = H ? `${U.truc_thuoc} và ${U.cap_huyen!}` : U.truc_thuoc;

  const ministryNumbering = src.plan?.danh_so ?? '1.1.';
  const renumber = ministryNumbering !== P.danh_so ? `${ministryNumbering} → ${P.danh_so}` : undefined;
  const pointsBefore = src.plan?.mau === 'ke-hoach-thi-dua' ? '-' : ministryNumbering;
  const renumberPoints = pointsBefore !== P.danh_so ? `${pointsBefore} → ${P.danh_so}` : undefined;

  // Carries a list of the ministry's sentences over, recording what changed.
  const carry = (where: string, title: string, items: string[], scope: Scope, renumbered?: string): string[] => {
    const done: Localized[] = items.map((t) => localize(t, profile, scope));
    const changes = [...new Set(done.flatMap((d) => d.changes))];
    for (const d of done) for (const r of d.review) warnings.push(`${where} ${title}: ${r}`);
    sections.push({ where, title, status: changes.length ? 'localized' : 'kept', ...(renumbered ? { renumbered } : {}), details: changes.length ? changes : [`${items.length} ý như Kế hoạch của Bộ`] });
    return done.map((d) => d.text);
  };

  // Title and opening sentence.
  const { withTheme, plain } = localTitle(c.ten, c.chu_de, c.nam);
  const trichYeu = upperFirst(withTheme);
  const cites = /^về\s/iu.test(dec.trichYeu) ? lowerFirst(dec.trichYeu) : `về ${lowerFirst(dec.trichYeu)}`;
  const moDau = `Thực hiện ${decisionCite} ${cites}, ${so} xây dựng Kế hoạch thực hiện phong trào thi đua với chủ đề “**${c.chu_de}**” trong ngành Tư pháp trên địa bàn ${profile.fullName}, cụ thể như sau:`;
  sections.push({ where: 'mở đầu', title: 'Câu mở đầu', status: 'rewritten', details: [`dẫn ${dec.docType} số ${dec.so}/${dec.kyHieu} ngày ${decDate}`, `trên địa bàn ${profile.fullName}`] });

  // I. Mục đích, yêu cầu: the ministry's, renumbered.
  const mucDich = carry('I.1', 'Mục đích', c.muc_dich, 'general', renumber);
  const yeuCau = carry('I.2', 'Yêu cầu', c.yeu_cau, 'general', renumber);

  // II. Who competes and who is rewarded: the province's own units.
  const tail = /,?\s*(bao gồm[\s\S]*)$/u.exec(c.doi_tuong.ca_nhan)?.[1];
  const doiTuong = {
    tap_the: `${so} và ${U.truc_thuoc}${H ? `; ${U.cap_huyen!}` : ''}.`,
    ca_nhan: `Công chức, viên chức, người lao động thuộc ${so}${H ? `, ${U.cap_huyen!}` : ''}; ${U.cap_xa}${tail ? `, ${tail.replace(/[\s.;]+$/u, '')}.` : '.'}`,
  };
  sections.push({ where: 'II.1', title: 'Đối tượng thi đua', status: 'rewritten', ...(renumber ? { renumbered: renumber } : {}), details: [`tập thể: ${doiTuong.tap_the.replace(/\.$/u, '')}`, `cá nhân thuộc ${so}${H ? `, ${U.cap_huyen!}` : ''}; ${U.cap_xa}`] });
  sections.push({ where: 'II.2', title: 'Thời gian thực hiện', status: 'kept', details: [`${c.thoi_gian.tu} – ${c.thoi_gian.den}`] });
  const danhHieu = carry('II.3.a', 'Danh hiệu thi đua', c.danh_hieu, 'award', renumber);
  const khenThuong = carry('II.3.b', 'Hình thức khen thưởng', c.khen_thuong, 'award');

  // III. Nội dung thi đua: every field of work, in order, its tasks as points.
  const ndMoDau = c.noi_dung_thi_dua.mo_dau ? carry('III', 'Câu dẫn phần Nội dung thi đua', [c.noi_dung_thi_dua.mo_dau], 'general')[0] : undefined;
  const linhVuc = c.noi_dung_thi_dua.linh_vuc.map((lv, i) => ({ ten: lv.ten, nhiem_vu: carry(`III.${i + 1}`, lv.ten, lv.nhiem_vu, 'general', renumberPoints) }));

  // IV. Tổ chức thực hiện: the province's units, with the ministry's deadlines brought forward.
  const soUnit = c.to_chuc_thuc_hien.find((u) => /^(?:Giám đốc\s+)?(?:các\s+)?Sở Tư pháp/u.test(u.don_vi));
  const office = ministryOffice(c) ?? placeholder(`đơn vị thi đua - khen thưởng của ${dec.issuer}`);
  const deadlines: DeadlineChange[] = [];
  const dated: Task[] = [];
  for (const v of soUnit?.viec ?? []) {
    if (typeof v === 'string' || !v.han) continue;
    const d = deriveDeadline(v.han, profile, c.thoi_gian.tu);
    const text = localTask(v.noi_dung, { H, U, so, office });
    dated.push({ noi_dung: text, han: toIso(d.date), han_bo: v.han });
    deadlines.push({ task: text.replace('{{han}}', shortDate(d.date)), ministry: v.han, nominal: toIso(d.nominal), local: toIso(d.date), moved: d.moved, because: d.because });
    if (toIso(d.date) < dec.ngay) warnings.push(`hạn của Sở ${shortDate(d.date)} trước ngày ${dec.docType} của Bộ (${decDate}): các đơn vị không kịp làm; giảm truoc_han_ngay`);
    if (!validOn(P, toIso(d.date))) warnings.push(`hạn của Sở ${shortDate(d.date)} nằm ngoài thời gian hiệu lực của hồ sơ (${P.hieu_luc.tu} – ${P.hieu_luc.den ?? 'nay'})`);
  }
  const units: Unit[] = [
    {
      don_vi: `Trưởng ${allUnits}`,
      viec: tasks([
        `Xác định cụ thể những nhiệm vụ, chỉ tiêu, biện pháp thực hiện hiệu quả phong trào thi đua; triển khai, quán triệt đến toàn thể công chức, viên chức, người lao động thuộc quyền quản lý${H ? ` và ${U.cap_xa}` : ''} nhằm đẩy mạnh phong trào thi đua, góp phần hoàn thành xuất sắc nhiệm vụ chính trị được giao`,
        ...(H ? [] : [`Phối hợp với Ủy ban nhân dân cấp xã triển khai phong trào thi đua đến ${U.cap_xa}`]),
        ...dated,
      ]),
    },
    {
      don_vi: U.hoi_dong,
      viec: tasks([
        `Kiểm tra, đôn đốc ${allUnits} thực hiện phong trào thi đua`,
        'Phát hiện, xây dựng, bồi dưỡng, nhân rộng các điển hình tiên tiến; phổ biến, tuyên truyền, tạo sự lan tỏa của các điển hình tiên tiến, gương người tốt, việc tốt, làm nòng cốt cho phong trào thi đua',
        'Xét khen thưởng và đề nghị cấp có thẩm quyền khen thưởng theo quy định',
      ]),
    },
    {
      don_vi: `${U.thuong_truc} (Thường trực ${U.hoi_dong})`,
      viec: [
        `Theo dõi, kiểm tra, đôn đốc việc triển khai thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Giám đốc Sở; tiếp nhận, rà soát, thẩm định hồ sơ đề nghị khen thưởng của các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua, trình ${U.hoi_dong} xét và đề nghị ${dec.thamQuyen} khen thưởng theo quy định.`,
      ],
    },
  ];
  sections.push({
    where: 'IV',
    title: 'Tổ chức thực hiện',
    status: 'rewritten',
    ...(renumber ? { renumbered: renumber } : {}),
    details: [
      `giao việc cho: ${units.map((u) => u.don_vi).join('; ')}`,
      ...(soUnit ? [`việc Bộ giao "${soUnit.don_vi}" chuyển thành việc của các đơn vị trên`] : ['Kế hoạch của Bộ không có mục giao việc cho Sở Tư pháp']),
      ...c.to_chuc_thuc_hien.filter((u) => u !== soUnit).map((u) => `bỏ việc của "${u.don_vi}" (việc của Bộ)`),
    ],
  });
  if (!soUnit) warnings.push('Kế hoạch của Bộ không có mục "Giám đốc Sở Tư pháp …" trong Tổ chức thực hiện: không có hạn nào để lùi');

  const ketThuc = `Trên đây là Kế hoạch ${plain}, ${so} yêu cầu ${U.truc_thuoc}${H ? `, ${U.cap_huyen!}` : ''} nghiêm túc triển khai thực hiện.`;
  sections.push({ where: 'kết', title: 'Đoạn kết', status: 'rewritten', details: [c.ket_thuc ? 'thay đoạn kết của Bộ bằng "Trên đây là Kế hoạch …"' : '"Trên đây là Kế hoạch …"'] });

  // Nơi nhận: the ministry and its emulation office first, then the Sở's usual list; Lưu last.
  const noiNhan = [dec.issuer, `${office} - ${dec.issuer}`, ...P.noi_nhan.filter((r) => r !== dec.issuer)];
  sections.push({ where: 'cuối', title: 'Nơi nhận, chữ ký', status: 'rewritten', details: [`nơi nhận: ${noiNhan.length} nơi và "Lưu: ${P.luu.join(', ')}"`, `ký: ${signerText(P.nguoi_ky)}`] });
  if (P.ghi_chu) warnings.push(`ghi chú của hồ sơ: ${P.ghi_chu}`);
  if (office.startsWith('[')) warnings.push('không nhận ra đơn vị thi đua - khen thưởng của Bộ trong Kế hoạch của Bộ; điền vào nơi nhận');

  const campaign: CampaignInput = {
    ten: withTheme,
    chu_de: c.chu_de,
    nam: c.nam,
    thuc_hien: { so: Number(dec.so), ky_hieu: dec.kyHieu, ngay: dec.ngay, tham_quyen: dec.thamQuyen, trich_yeu: dec.trichYeu, nguon: src.campaignFile },
    mo_dau: moDau,
    muc_dich: mucDich,
    yeu_cau: yeuCau,
    doi_tuong: doiTuong,
    thoi_gian: c.thoi_gian,
    danh_hieu: danhHieu,
    khen_thuong: khenThuong,
    noi_dung_thi_dua: { ...(ndMoDau ? { mo_dau: ndMoDau } : {}), linh_vuc: linhVuc },
    to_chuc_thuc_hien: units,
    ket_thuc: ketThuc,
  };
  const dir = resolve(root, opts.out ?? DEFAULT_OUT, profile.slug, src.folder);
  const plan: PlanInput = {
    loai: 'ke-hoach',
    co_quan: { ten: P.co_quan.ten, viet_tat: P.co_quan.viet_tat, chu_quan: P.co_quan.chu_quan ?? `UBND ${profile.fullName}` },
    so: null,
    ngay: null,
    nam: c.nam,
    dia_danh: P.dia_danh,
    trich_yeu: trichYeu,
    can_cu: [],
    chien_dich: CAMPAIGN_FILE,
    mau: LOCAL_TEMPLATE,
    danh_so: P.danh_so,
    noi_nhan: noiNhan,
    luu: P.luu,
    // the signer's pictures are named from the profile's folder; the plan names them from its own
    nguoi_ky: picturesFrom(P.nguoi_ky, dirname(resolve(root, profile.file)), dir),
    chuan_hoa_dau: true,
  };

  const rel = relative(root, dir);
  const shownDir = rel && !rel.startsWith('..') ? rel : dir;
  const schemaRef = relative(dir, resolve(root, 'schema/vanban.schema.json')).split('\\').join('/');
  const origin = `Sinh bởi \`vanban derive\` từ ${src.campaignFile} và hồ sơ ${profile.file}. Sửa tự do: lần sinh lại sau không ghi đè tệp đã sửa (trừ khi có --force).`;
  const files = {
    [PLAN_FILE]: yamlText(planForFile(plan), [
      ` yaml-language-server: $schema=${schemaRef}`,
      ` Kế hoạch của ${so} ${profile.fullName} thực hiện ${decisionCite} (dự thảo: chưa có số, ngày).`,
      ` ${origin}`,
    ], ['co_quan', 'nguoi_ky', 'luu']),
    [CAMPAIGN_FILE]: yamlText(campaign, [
      ` yaml-language-server: $schema=${schemaRef}`,
      ` Dữ liệu phong trào thi đua của ${so} ${profile.fullName}, năm ${c.nam}; mẫu templates/${LOCAL_TEMPLATE}.md.mustache dựng nội dung Kế hoạch.`,
      ` ${origin}`,
      ' Hạn ("han") là ngày thật yyyy-mm-dd và phải trước hạn tương ứng của Bộ ("han_bo").',
    ], ['thoi_gian']),
  };

  // the ministry's text comes with its defects: the safe fixes of `vanban check`, each reported
  const fixes: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const cleaned = cleanDerived(name, text);
    files[name as keyof typeof files] = cleaned.text;
    fixes.push(...cleaned.changes);
    warnings.push(...cleaned.warnings);
  }

  return {
    profile,
    dir,
    files,
    report: { province: profile.fullName, slug: profile.slug, profile: profile.file, from: src.campaignFile, decision: decisionCite, dir: shownDir, sections, deadlines, warnings, fixes },
  };
}

/** "phát động … theo chuyên đề năm 2024" without the ministry's "đối với Sở Tư pháp các tỉnh, …", with and without the theme. */
export function localTitle(ten: string, chuDe: string, nam: number): { withTheme: string; plain: string } {
  const plain = lowerFirst(ten.replace(ALL_SO, '').trim());
  if (plain.includes('“')) return { withTheme: plain, plain: plain.replace(/\s*“[^”]*”/u, '') };
  const year = new RegExp(`\\s+năm ${nam}$`, 'u');
  const withTheme = year.test(plain) ? plain.replace(year, ` “${chuDe}” năm ${nam}`) : `${plain} “${chuDe}”`;
  return { withTheme, plain };
}

/** The ministry unit that receives the provinces' plans ("Vụ Tổ chức cán bộ"), read from its own sentences. */
export function ministryOffice(c: CampaignInput): string | null {
  for (const u of c.to_chuc_thuc_hien)
    for (const v of u.viec) {
      const t = typeof v === 'string' ? v : v.noi_dung;
      const m = /gửi (?:về|cho) ((?:Vụ|Cục|Văn phòng|Thanh tra)[^,;.(]*?)(?=\s+(?:trước|để|theo|trong)\b|[,;.(]|$)/u.exec(t);
      if (m) return m[1]!.trim();
    }
  const m = c.ket_thuc ? /về ((?:Vụ|Cục|Văn phòng)[^(,;.]*?)\s*\(Thường trực Hội đồng Thi đua/u.exec(c.ket_thuc) : null;
  return m ? m[1]!.trim() : null;
}

/** One of the ministry's dated tasks for the Sở, as the Sở asks it of its own units. */
function localTask(ministryText: string, ctx: { H: boolean; U: Profile['data']['don_vi']; so: string; office: string }): string {
  const { H, U, so } = ctx;
  const to = `gửi về ${so} (qua ${U.thuong_truc})`;
  if (/kế hoạch/iu.test(ministryText) && /gửi/u.test(ministryText))
    return H
      ? `${upperFirst(U.cap_huyen!)} xây dựng, ban hành kế hoạch triển khai phong trào thi đua của đơn vị và ${U.truc_thuoc} đăng ký thi đua, ${to} trước ngày {{han}} để theo dõi, tổng hợp`
      : `${upperFirst(U.truc_thuoc)} đăng ký thi đua, xây dựng kế hoạch triển khai phong trào thi đua của đơn vị và ${to} trước ngày {{han}} để theo dõi, tổng hợp`;
  const replaced = ministryText.replace(new RegExp(`gửi (?:về|cho) ${ctx.office.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'), to);
  return replaced.includes('{{han}}') ? replaced : `${replaced.replace(/[\s;.]+$/u, '')} (trước ngày {{han}})`;
}

function signerText(s: Profile['data']['nguoi_ky']): string {
  const lines = s.tham_quyen ? [`${s.tham_quyen}. ${s.thay_mat ?? ''}`.trim(), s.chuc_vu] : [s.chuc_vu];
  return `${lines.join(' / ').toLocaleUpperCase('vi')}, ${s.ho_ten}`;
}

/** The plan's fields in the order a clerk reads them, without the defaults. */
function planForFile(p: PlanInput): Record<string, unknown> {
  const { can_cu: _c, chuan_hoa_dau: _n, ...rest } = p;
  void _c;
  void _n;
  return rest;
}

/** YAML text with a header comment; the named top-level collections are written on one line. */
function yamlText(value: object, header: string[], flow: string[]): string {
  const doc = new Document(value);
  doc.commentBefore = header.join('\n');
  for (const key of flow) {
    const node = doc.get(key, true);
    if (isMap(node) || isSeq(node)) node.flow = true;
  }
  const numbering = doc.get('danh_so', true);
  if (isScalar(numbering)) numbering.type = 'QUOTE_DOUBLE'; // "a)" reads as text to a clerk, as in the hand-written data
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

