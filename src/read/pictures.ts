// The signature and seal images a signer's fields name (nguoi_ky.anh_chu_ky, nguoi_ky.anh_dau): each
// file read inside the project root, relative to its data file, checked as a transparent PNG vanban can
// draw, and sized in millimetres. Problems come back as located errors, to be reported in one run with
// the schema's own.

import { dirname, relative, resolve } from 'node:path';
import type { Picture } from '../model/ast.ts';
import type { z } from 'zod';
import { InputError, combineErrors, eachError } from '../model/errors.ts';
import { FileRefused, confinedPath, readRegularFile, refusalText } from '../io/project-files.ts';
import { MAX_PNG_BYTES, PngRefused, decodePng } from './png.ts';
import { validate, type YamlFile } from './yaml.ts';

/** Printed size of a signature or seal image, in millimetres (a seal is some 30–42 mm across). */
export const PICTURE_MM = { min: 10, max: 80 } as const;
/** The side computed from the image's proportions: a signature may be a thin stroke, not a sliver. */
export const COMPUTED_MM = { min: 5, max: 80 } as const;
/** Given width and height may differ from the image's proportions by this much before it looks distorted. */
const ASPECT_TOLERANCE = 0.02;

/** A picture field: the file and the printed size the clerk gave. */
export interface PictureInput {
  tep: string;
  rong_mm?: number | undefined;
  cao_mm?: number | undefined;
  duong_kinh_mm?: number | undefined;
}

export const PICTURE_FIELDS = { anh_chu_ky: 'ảnh chữ ký', anh_dau: 'ảnh dấu' } as const;
export type PictureField = keyof typeof PICTURE_FIELDS;

/** A PNG read and checked, by the `tep` its field gave. */
export interface LoadedPicture {
  png: string; // base64
  width: number; // pixels
  height: number;
  source: string; // relative to the project root
  path: string; // absolute, for the build's list of inputs
}

const key = (field: PictureField, tep: string): string => `${field}\u0000${tep}`;

export interface PictureReading {
  errors: InputError[];
  loaded: Map<string, LoadedPicture>;
  notes: string[]; // a picture not in the decree's ink (blue signature, red seal): printed, and said
}

/** The ink each picture is in (Phụ lục I, II.7.d: blue; II.8: red), as the hue its opaque pixels lean to. */
const INK = { anh_chu_ky: { channel: 2, name: 'xanh' }, anh_dau: { channel: 0, name: 'đỏ' } } as const;

/** Whether the opaque pixels of an RGB or grey image lean, on average, to the colour channel given. */
function inkIs(image: { colours: 1 | 3; pixels: Buffer; alpha: Buffer }, channel: 0 | 2): boolean {
  if (image.colours === 1) return false;
  const sum = [0, 0, 0];
  for (let i = 0; i < image.alpha.length; i++) {
    const a = image.alpha[i]!;
    if (a < 128) continue;
    for (let c = 0; c < 3; c++) sum[c]! += image.pixels[3 * i + c]!;
  }
  return sum[channel]! > sum[1]! && sum[channel]! > sum[2 - channel]!;
}

/** Reads the pictures named under `signerPath` (["nguoi_ky"]) in a data file's raw data. */
export function readPictures(yaml: YamlFile, root: string, signerPath: readonly PropertyKey[] = ['nguoi_ky']): PictureReading {
  const out: PictureReading = { errors: [], loaded: new Map(), notes: [] };
  let signer: unknown = yaml.data;
  for (const k of signerPath) signer = signer && typeof signer === 'object' ? (signer as Record<PropertyKey, unknown>)[k] : undefined;
  if (!signer || typeof signer !== 'object') return out;
  for (const field of Object.keys(PICTURE_FIELDS) as PictureField[]) {
    const given = (signer as Record<string, unknown>)[field];
    // A value of the wrong shape is the schema's error; only a named file is read here.
    if (!given || typeof given !== 'object' || typeof (given as PictureInput).tep !== 'string' || !/\.png$/iu.test((given as PictureInput).tep.trim())) continue;
    const at = [...signerPath, field];
    const err = (path: readonly PropertyKey[], problem: string, fix: string) => out.errors.push(new InputError(yaml.locate(path), path.map(String).join('.'), problem, fix));
    const input = given as PictureInput;
    const what = PICTURE_FIELDS[field];
    let path: string;
    let bytes: Buffer;
    try {
      path = confinedPath(root, dirname(resolve(root, yaml.file)), input.tep);
      bytes = readRegularFile(path, MAX_PNG_BYTES);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      const { problem, fix } = error.reason === 'qua-lon'
        ? { problem: `${what} "${input.tep}" lớn quá ${MAX_PNG_BYTES / 1024 / 1024} MB`, fix: 'lưu lại ảnh nhỏ hơn (300–600 dpi là đủ)' }
        : refusalText(error, what, input.tep);
      err([...at, 'tep'], problem, error.reason === 'khong-phai-tep' ? 'chỉ tới một tệp .png' : fix);
      continue;
    }
    let image;
    try {
      image = decodePng(bytes);
    } catch (error) {
      if (!(error instanceof PngRefused)) throw error;
      err([...at, 'tep'], `${what} "${input.tep}": ${error.problem}`, error.fix);
      continue;
    }
    // Phụ lục I, II.7.d and II.8: a transparent background, so the seal does not hide the title it covers.
    if (!image.alpha || !image.alpha.some((a) => a < 255)) {
      err([...at, 'tep'], `${what} "${input.tep}" không có nền trong suốt (Phụ lục I, mục II.${field === 'anh_dau' ? '8' : '7.d'} Nghị định 30 yêu cầu ảnh .png nền trong suốt)`, 'xóa nền trắng bằng một trình sửa ảnh (nền trong suốt, kênh alpha) rồi lưu lại dạng PNG');
      continue;
    }
    const size = pictureSize(field, input, image.width, image.height);
    if (typeof size === 'string') {
      const both = input.rong_mm !== undefined && input.cao_mm !== undefined;
      err(at, `${what} "${input.tep}": ${size}`, both ? 'chỉ ghi chiều rộng (rong_mm), chiều cao được tính theo tỉ lệ của ảnh' : 'cắt bớt phần trống quanh ảnh, hoặc đổi kích thước in');
      continue;
    }
    if (!inkIs({ ...image, alpha: image.alpha }, INK[field].channel))
      out.notes.push(`${yaml.file}: ${at.join('.')}: ${what} "${input.tep}" không phải màu ${INK[field].name} (Phụ lục I, mục II.${field === 'anh_dau' ? '8' : '7.d'} Nghị định 30); ảnh vẫn được in như tệp`);
    out.loaded.set(key(field, input.tep), { png: bytes.toString('base64'), width: image.width, height: image.height, source: relative(root, path), path });
  }
  return out;
}

/** Millimetres from the given sizes and the image's proportions, or why they do not fit. */
export function pictureSize(field: PictureField, input: PictureInput, px: number, py: number): { widthMm: number; heightMm: number } | string {
  const ok = (v: unknown): v is number => typeof v === 'number' && v >= PICTURE_MM.min && v <= PICTURE_MM.max;
  const w = field === 'anh_dau' ? input.duong_kinh_mm : input.rong_mm;
  const h = field === 'anh_dau' ? undefined : input.cao_mm;
  // Sizes out of range or of the wrong type are the schema's errors.
  if (w !== undefined && !ok(w)) return { widthMm: 0, heightMm: 0 };
  if (h !== undefined && !ok(h)) return { widthMm: 0, heightMm: 0 };
  const mm = (v: number) => `${Math.round(v * 10) / 10} mm`.replace('.', ',');
  if (w !== undefined && h !== undefined) {
    const expected = (w * py) / px;
    if (Math.abs(h - expected) > ASPECT_TOLERANCE * expected) return `ảnh ${px}×${py} điểm ảnh rộng ${mm(w)} thì cao ${mm(expected)}; cao ${mm(h)} sẽ làm méo ảnh`;
    return { widthMm: w, heightMm: h };
  }
  if (w !== undefined) {
    const hh = (w * py) / px;
    if (hh < COMPUTED_MM.min || hh > COMPUTED_MM.max) return `ảnh ${px}×${py} điểm ảnh rộng ${mm(w)} thì cao ${mm(hh)}, ngoài khoảng ${COMPUTED_MM.min}–${COMPUTED_MM.max} mm`;
    return { widthMm: w, heightMm: hh };
  }
  if (h !== undefined) {
    const ww = (h * px) / py;
    if (ww < COMPUTED_MM.min || ww > COMPUTED_MM.max) return `ảnh ${px}×${py} điểm ảnh cao ${mm(h)} thì rộng ${mm(ww)}, ngoài khoảng ${COMPUTED_MM.min}–${COMPUTED_MM.max} mm`;
    return { widthMm: ww, heightMm: h };
  }
  return { widthMm: 0, heightMm: 0 }; // no size given: the schema's error
}

/** The model's Picture for a validated field whose file readPictures loaded. */
export function pictureOf(field: PictureField, input: PictureInput, loaded: Map<string, LoadedPicture>): Picture | undefined {
  const file = loaded.get(key(field, input.tep));
  if (!file) return undefined;
  const size = pictureSize(field, input, file.width, file.height);
  if (typeof size === 'string') return undefined;
  return { png: file.png, widthMm: round(size.widthMm), heightMm: round(size.heightMm), source: file.source };
}

/** Sizes to a hundredth of a millimetre, so the model (and the bytes of both writers) do not depend on float noise. */
const round = (v: number): number => Math.round(v * 100) / 100;

/** Validates a data file with its schema and reads its signer's pictures; the errors of both in one run. */
export function validateWithPictures<S extends z.ZodType>(schema: S, yaml: YamlFile, root: string): { data: z.infer<S>; pictures: Map<string, LoadedPicture>; notes: string[] } {
  const pictures = readPictures(yaml, root);
  let data: z.infer<S>;
  try {
    data = validate(schema, yaml);
  } catch (error) {
    if (error instanceof InputError && pictures.errors.length) throw combineErrors([...eachError(error), ...pictures.errors]);
    throw error;
  }
  if (pictures.errors.length) throw combineErrors(pictures.errors);
  return { data, pictures: pictures.loaded, notes: pictures.notes };
}

/** A signer's picture fields with their files named from another folder (a derived plan's, from its profile's). */
export function picturesFrom<T extends { anh_chu_ky?: PictureInput | undefined; anh_dau?: PictureInput | undefined }>(signer: T, fromDir: string, toDir: string): T {
  const moved = (p: PictureInput) => ({ ...p, tep: relative(toDir, resolve(fromDir, p.tep)).split('\\').join('/') });
  return { ...signer, ...(signer.anh_chu_ky ? { anh_chu_ky: moved(signer.anh_chu_ky) } : {}), ...(signer.anh_dau ? { anh_dau: moved(signer.anh_dau) } : {}) };
}
