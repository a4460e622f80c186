// Output file names: "<yyyy-mm-dd>_<số>-<ký hiệu>", e.g. 2024-02-29_244-QD-BTP.
// Rules: "/" in the ký hiệu becomes "-"; Vietnamese letters lose their marks (Đ → D) so names are
// portable; an undated draft uses its year; a draft without a number uses "du-thao" plus the
// source file's folder and name, so two drafts of one office never collide.

import type { Meta } from '../model/ast.ts';

export function asciiName(s: string): string {
  return s
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function outputStem(meta: Meta): string {
  const when = meta.date ?? String(meta.year);
  const kyHieu = asciiName(meta.kyHieu.replace(/\//g, '-'));
  if (meta.so !== null) return `${when}_${meta.so}-${kyHieu}`;
  const source = meta.sources[0] ?? 'van-ban';
  const slug = asciiName(source.replace(/^data\//, '').replace(/\.ya?ml$/, '').replace(/\//g, '-')).toLowerCase();
  return `${when}_du-thao-${kyHieu}_${slug}`;
}
