// Normalizes every string of the model in place: NFC always, the "hòa" tone-mark style when asked.
// Each distinct change is reported with its count, so nothing in the users' text changes silently.

import type { Document } from '../model/ast.ts';
import { toNfc, toOldToneStyle } from '../text/normalize.ts';

export interface NormalizeReport {
  notes: string[];
}

export function normalizeDocument(doc: Document, toneStyle: boolean): NormalizeReport {
  const counts = new Map<string, number>();
  let nfc = 0;
  const fix = (s: string): string => {
    const a = toNfc(s);
    if (a.changes.length) nfc++;
    if (!toneStyle) return a.text;
    const b = toOldToneStyle(a.text);
    for (const c of b.changes) counts.set(`${c.from} → ${c.to}`, (counts.get(`${c.from} → ${c.to}`) ?? 0) + 1);
    return b.text;
  };
  doc.parts = walk(doc.parts, fix) as Document['parts'];
  const notes: string[] = [];
  if (nfc) notes.push(`chuẩn hóa Unicode NFC: ${nfc} đoạn được đưa về dạng dựng sẵn (hiển thị không đổi)`);
  if (counts.size)
    notes.push(`thống nhất kiểu dấu thanh "hòa" (như Quốc hiệu): ${[...counts].map(([k, n]) => `${k} (${n})`).join(', ')}; đặt chuan_hoa_dau: false để giữ nguyên`);
  return { notes };
}

/**
 * The model with `fix` applied to its strings, copied only where a string changed: nothing downstream changes the
 * model, and the texts are mostly NFC and in the tone style already (copying the whole tree cost a tenth of composing).
 */
function walk(v: unknown, fix: (s: string) => string): unknown {
  if (typeof v === 'string') return fix(v);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const y = walk(v[i], fix);
      if (y !== v[i]) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  if (v && typeof v === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(v)) {
      if (k === 'type' || k === 'role' || k === 'target' || k === 'id') continue;
      const x = (v as Record<string, unknown>)[k];
      const y = walk(x, fix);
      if (y === x) continue;
      out ??= copy(v as Record<string, unknown>);
      if (k === '__proto__') Object.defineProperty(out, k, { value: y, writable: true, enumerable: true, configurable: true });
      else out[k] = y;
    }
    return out ?? v;
  }
  return v;
}

/** A shallow copy keeping an own "__proto__" key as a key (a spread would too, but not an assignment). */
function copy(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v[k], writable: true, enumerable: true, configurable: true });
    else out[k] = v[k];
  }
  return out;
}
