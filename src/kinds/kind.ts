// What a kind of document declares: its loai id, tên loại, ký hiệu abbreviation, its input fields
// beyond the common base, and how its own parts compose. Writers never see a kind: they render the
// parts of the model (src/model/ast.ts) that a kind fills in.

import type { z } from 'zod';
import type { Block, Part, Signature } from '../model/ast.ts';
import type { NumberingProfile } from '../transform/numbering.ts';

/** The input of any kind, as the common base describes it; each kind reads its own fields by name. */
export interface KindInput {
  loai: string;
  co_quan: { ten: string; viet_tat: string; chu_quan?: string | undefined };
  trich_yeu: string;
  ky_hieu?: string | undefined;
  [field: string]: unknown;
}

/** Schema pieces a kind builds its fields from (given by src/model/schema.ts, so kinds import no schema code). */
export interface FieldKit {
  z: typeof z;
  text: z.ZodString; // non-empty text, may span lines (a Markdown-like note)
  line: z.ZodType<string>; // non-empty text on one line (a line feed is refused at its line)
  isoDate: z.ZodType<string>;
  signer: z.ZodType; // nguoi_ky's schema
  time: z.ZodType<string>; // "08:30"
  /** The common base's fields, to make one optional or to refuse it in this kind. */
  base: Record<string, z.ZodType>;
}

/** What compose offers a kind while it fills in its parts. */
export interface ComposeKit {
  fail(field: string, problem: string, fix?: string): never;
  note(text: string): void; // a line of the build report
  signature(signer: unknown): Signature; // nguoi_ky-shaped input → signature lines and name
  recipients(items: string[], archive: string[]): string[]; // Nơi nhận's final lines, with ô 12 after Lưu
}

export interface Kind {
  loai: string; // the YAML's "loai": "cong-van"
  name: string | ((input: KindInput) => string); // tên loại in running text and metadata: "Công văn", "Quy chế"
  printsName?: boolean; // false: no tên loại line (công văn: its trích yếu is the "V/v" under the số)
  abbr: string | null | ((input: KindInput) => string); // ký hiệu's first group: "QĐ"; null: "<cơ quan>-<đơn vị>" (công văn)
  fields(kit: FieldKit): Record<string, z.ZodType>; // input fields beyond (or overriding) the common base
  numbering?: NumberingProfile; // the body's numbering when not the document's "danh_so" (Điều n., Chương/Mục/Điều)
  attachable?: boolean; // may be issued with a Quyết định ("kem_theo"): no header, số or closing of its own
  ownClosing?: boolean; // compose() makes the closing (biên bản's two signatures); nguoi_ky is not read
  noPlaceDate?: boolean; // the header has no địa danh and date line (biên bản, Mẫu 1.9)
  bodyOptional?: boolean; // the kind writes its own body from fields; "noi_dung" then only adds to it
  /** Blocks before and after the author's body (a giấy mời's time and place, a biên bản's opening and end). */
  bodyBefore?(input: KindInput): Block[];
  bodyAfter?(input: KindInput): Block[];
  /** The kind's own parts, on the standalone part compose made (header, title, bases, body, closing). */
  compose?(input: KindInput, part: Part, kit: ComposeKit): void;
  /** ký hiệu when the kind computes it (công văn: "<cơ quan>-<đơn vị>"); null when the input lacks what it needs. */
  kyHieu?(input: KindInput): string | null;
}

/** A text issued with a decision has no header, number or closing of its own: these base fields become optional. */
export const attachedFields = (base: Record<string, z.ZodType>): Record<string, z.ZodType> =>
  Object.fromEntries(['so', 'ngay', 'dia_danh', 'noi_nhan', 'luu', 'nguoi_ky'].map((f) => [f, base[f]!.optional()]));

export const kindName = (k: Kind, input: KindInput): string => (typeof k.name === 'function' ? k.name(input) : k.name);

/** ký hiệu of a document: as written, else computed by the kind, else "<loại>-<cơ quan>". */
export function kindKyHieu(k: Kind, input: KindInput): string | null {
  if (input.ky_hieu) return input.ky_hieu;
  if (k.kyHieu) return k.kyHieu(input);
  const abbr = typeof k.abbr === 'function' ? k.abbr(input) : k.abbr;
  return abbr === null ? null : `${abbr}-${input.co_quan.viet_tat}`;
}

/** A paragraph block of plain text. */
export const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
