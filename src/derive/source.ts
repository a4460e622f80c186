// The ministry's side of a derivation: its campaign data, the plan built from it, and the decision
// that issued that plan (whose number and date the local plan cites in its opening sentence).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { InputError } from '../model/errors.ts';
import { FileRefused, confinedPath, refusalText } from '../io/project-files.ts';
import { campaignSchema, documentSchema, type CampaignInput, type DecisionInput, type PlanInput } from '../model/schema.ts';
import { fail, readYaml, validate, type YamlFile } from '../read/yaml.ts';
import { TYPE_ABBR, TYPE_NAME, numberText } from '../text/wording.ts';

export interface MinistrySource {
  campaign: CampaignInput;
  campaignFile: string; // relative to the root, as shown
  campaignYaml: YamlFile;
  folder: string; // campaign folder name, reused for the local folder: "thi-dua-2024"
  plan: PlanInput | null; // the ministry's plan (ke-hoach.yaml) when found
  decision: {
    docType: string; // "Quyết định" (or "Kế hoạch" for a plan issued on its own)
    issuer: string; // "Bộ Tư pháp"
    so: string; // "244"
    kyHieu: string; // "QĐ-BTP"
    ngay: string; // ISO
    thamQuyen: string; // "Bộ trưởng Bộ Tư pháp"
    trichYeu: string;
    file: string;
  };
}

interface Found {
  path: string;
  yaml: YamlFile;
  data: Record<string, unknown>;
}

/**
 * Reads the ministry campaign from a folder (data/bo-tu-phap/thi-dua-2024), its campaign data file
 * (chien-dich.yaml), its plan or its decision. The decision is looked up beside the campaign.
 */
export function loadMinistry(from: string, root = process.cwd()): MinistrySource {
  const abs = resolve(root, from);
  if (!existsSync(abs)) throw new InputError({ file: from, line: 1, col: 1 }, '', 'không tìm thấy dữ liệu phong trào của Bộ', 'chỉ tới thư mục phong trào, ví dụ data/bo-tu-phap/thi-dua-2024');
  const dir = statSync(abs).isDirectory() ? abs : dirname(abs);
  const files = readdirSync(dir)
    .filter((n) => ['.yaml', '.yml'].includes(extname(n)))
    .sort()
    .map((n) => join(dir, n));
  const read = (p: string): Found => {
    const yaml = readYaml(p, relative(root, p) || p);
    const data = yaml.data && typeof yaml.data === 'object' && !Array.isArray(yaml.data) ? (yaml.data as Record<string, unknown>) : {};
    return { path: p, yaml, data };
  };
  const all = files.map(read);
  // A file another one names (chien_dich, kem_theo) is read only inside the project, as in `build`.
  const named = (f: Found, field: 'chien_dich' | 'kem_theo', what: string): string => {
    try {
      confinedPath(root, dirname(f.path), f.data[field] as string);
      return resolve(dirname(f.path), f.data[field] as string); // unresolved, as the comparisons below use
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      const { problem, fix } = refusalText(error, what, String(f.data[field]));
      return fail(f.yaml, [field], problem, fix);
    }
  };
  const given = statSync(abs).isFile() ? all.find((f) => f.path === abs) ?? read(abs) : null;

  // The campaign data file: the one given, or the one the given document uses, or the only one here.
  let campaignPath: string | undefined;
  if (given && 'chu_de' in given.data) campaignPath = given.path;
  else if (given && typeof given.data.chien_dich === 'string') campaignPath = named(given, 'chien_dich', 'tệp dữ liệu phong trào');
  else if (given && typeof given.data.kem_theo === 'string') {
    const att = read(named(given, 'kem_theo', 'tệp văn bản kèm theo'));
    if (typeof att.data.chien_dich === 'string') campaignPath = named(att, 'chien_dich', 'tệp dữ liệu phong trào');
  } else {
    const campaigns = all.filter((f) => 'chu_de' in f.data);
    if (campaigns.length > 1)
      throw new InputError({ file: relative(root, dir) || dir, line: 1, col: 1 }, '', `thư mục có ${campaigns.length} tệp dữ liệu phong trào`, 'chỉ rõ tệp, ví dụ --from …/chien-dich.yaml');
    campaignPath = campaigns[0]?.path;
  }
  if (!campaignPath || !existsSync(campaignPath))
    throw new InputError({ file: relative(root, abs) || abs, line: 1, col: 1 }, '', 'không tìm thấy dữ liệu phong trào (tệp có trường "chu_de")', 'chỉ tới thư mục hoặc tệp chien-dich.yaml của phong trào');
  const campaignYaml = readYaml(campaignPath, relative(root, campaignPath));
  const campaign = validate(campaignSchema, campaignYaml);
  if (campaign.thuc_hien)
    fail(campaignYaml, ['thuc_hien'], 'đây là Kế hoạch của địa phương (đã có "thuc_hien"), không phải phong trào của Bộ', 'chỉ tới dữ liệu phong trào của Bộ, ví dụ data/bo-tu-phap/thi-dua-2024');

  // The plan that uses this campaign, and the decision that issues it (or the plan itself, if standalone).
  const usesCampaign = (f: Found) => typeof f.data.chien_dich === 'string' && resolve(dirname(f.path), f.data.chien_dich) === campaignPath;
  const planFile = all.find((f) => f.data.loai === 'ke-hoach' && usesCampaign(f));
  const plan = planFile ? (validate(documentSchema, planFile.yaml) as PlanInput) : null;
  const decisionFile = planFile ? all.find((f) => f.data.loai === 'quyet-dinh' && typeof f.data.kem_theo === 'string' && resolve(dirname(f.path), f.data.kem_theo) === planFile.path) : undefined;

  let decision: MinistrySource['decision'];
  if (decisionFile) {
    const d = validate(documentSchema, decisionFile.yaml) as DecisionInput;
    if (d.so === null || d.ngay === null) fail(decisionFile.yaml, [d.so === null ? 'so' : 'ngay'], 'Quyết định của Bộ chưa có số hoặc ngày nên Kế hoạch của Sở chưa dẫn được', 'điền số và ngày ban hành của Quyết định');
    decision = {
      docType: TYPE_NAME['quyet-dinh'],
      issuer: d.co_quan.ten,
      so: numberText(d.so),
      kyHieu: d.ky_hieu ?? `${TYPE_ABBR['quyet-dinh']}-${d.co_quan.viet_tat}`,
      ngay: d.ngay,
      thamQuyen: d.tham_quyen_ban_hanh,
      trichYeu: d.trich_yeu,
      file: decisionFile.yaml.file,
    };
  } else if (plan && planFile && plan.so != null && plan.ngay) {
    decision = {
      docType: TYPE_NAME['ke-hoach'],
      issuer: plan.co_quan.ten,
      so: numberText(plan.so),
      kyHieu: plan.ky_hieu ?? `${TYPE_ABBR['ke-hoach']}-${plan.co_quan.viet_tat}`,
      ngay: plan.ngay,
      thamQuyen: plan.co_quan.ten,
      trichYeu: plan.trich_yeu,
      file: planFile.yaml.file,
    };
  } else
    throw new InputError({ file: relative(root, dir) || dir, line: 1, col: 1 }, '', 'không tìm thấy Quyết định (có số, ngày) ban hành Kế hoạch dùng dữ liệu phong trào này', 'đặt quyet-dinh.yaml (kem_theo: ke-hoach.yaml) cạnh tệp dữ liệu phong trào');

  return { campaign, campaignFile: campaignYaml.file, campaignYaml, folder: basename(dirname(campaignPath)), plan, decision };
}
