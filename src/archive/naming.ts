// Output file names: "<yyyy-mm-dd>_<số>-<ký hiệu>_<cơ quan ban hành>", e.g.
// 2024-02-29_244-QD-BTP_bo-tu-phap, 2023-04-27_78-KH-STP_so-tu-phap-an-giang.
// Rules: "/" in the ký hiệu becomes "-"; Vietnamese letters lose their marks (Đ → D) so names are
// portable; the issuer is its name followed by the place of its cơ quan chủ quản ("UBND tỉnh An Giang"
// → "an-giang"), lower case, so two Sở Tư pháp issuing 20/KH-STP on the same day never share a name;
// an undated draft uses its year; a draft without a number uses "du-thao" plus the source file's
// folder and name, so two drafts of one office never collide.

import type { Meta } from '../model/ast.ts';
import { PLACEHOLDER } from '../text/wording.ts';

export function asciiName(s: string): string {
  return s
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const slug = (s: string): string => asciiName(s).toLowerCase().replace(/\./g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');

// "UBND tỉnh", "Ủy ban nhân dân thành phố", "HĐND tỉnh": what precedes the place's own name.
const LOCAL_GOVERNMENT = /^(?:(?:ủy|uỷ) ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:(?:tỉnh|thành phố|tp\.?)\s+)?/iu;

/** At most `max` characters, cut at a "-" (a long name stays readable and the path short). */
const short = (s: string, max = 40): string => (s.length <= max ? s : s.slice(0, s.lastIndexOf('-', max) > 0 ? s.lastIndexOf('-', max) : max));

/**
 * The issuer as it appears in names and archive folders: "bo-tu-phap", "so-tu-phap-an-giang". An
 * unfilled "[cần điền: …]" (a starter from `vanban new`) counts as nothing: "chua-ro".
 */
export function issuerSlug(issuer: string, parent: string | null | undefined): string {
  const clean = (s: string) => s.normalize('NFC').replace(PLACEHOLDER, '').trim();
  const place = parent ? clean(parent).replace(LOCAL_GOVERNMENT, '') : '';
  return [short(slug(clean(issuer))), short(slug(place))].filter(Boolean).join('-') || 'chua-ro';
}

export function outputStem(meta: Meta): string {
  const when = meta.date ?? String(meta.year);
  const kyHieu = asciiName(meta.kyHieu.replace(/\//g, '-'));
  const issuer = issuerSlug(meta.issuer, meta.parent);
  if (meta.so !== null) return `${when}_${meta.so}-${kyHieu}_${issuer}`;
  const source = meta.sources[0] ?? 'van-ban';
  const from = asciiName(source.replace(/^data\//, '').replace(/\.ya?ml$/, '').replace(/\//g, '-')).toLowerCase();
  return `${when}_du-thao-${kyHieu}_${issuer}_${from}`;
}
