// Errors a user can cause, located in their input file, worded in Vietnamese.

import type { z } from 'zod';

export interface Location {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
}

/** An input error: file, line, column, field, what is wrong and how to fix it. */
export class InputError extends Error {
  constructor(
    readonly loc: Location,
    readonly field: string,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${loc.file}:${loc.line}:${loc.col}: ${field ? `trường "${field}": ` : ''}${problem}${fix ? `. Cách sửa: ${fix}` : ''}`);
    this.name = 'InputError';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  boolean: 'true/false',
  array: 'danh sách (các dòng bắt đầu bằng "- ")',
  object: 'nhóm trường (các dòng thụt vào)',
  null: 'null',
  undefined: 'không có',
};

/** Vietnamese wording of a zod issue, unless the schema already gave one. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const custom = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu trường bắt buộc';
      if (/[^\x00-\x7f]/.test(custom)) return custom;
      return `cần ${TYPE_NAMES[issue.expected] ?? issue.expected}, nhưng nhận được ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `trường không có trong mẫu: ${issue.keys.map((k) => `"${k}"`).join(', ')} (kiểm tra lỗi gõ tên trường)`;
    case 'too_small':
      if (/[^\x00-\x7f]/.test(custom)) return custom;
      return issue.origin === 'array' ? `cần ít nhất ${String(issue.minimum)} mục` : `quá ngắn (tối thiểu ${String(issue.minimum)})`;
    case 'invalid_value':
      if (/[^\x00-\x7f]/.test(custom)) return custom;
      return `giá trị không hợp lệ; chỉ nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return /[^\x00-\x7f]/.test(custom) ? custom : `giá trị không hợp lệ (${custom})`;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'một danh sách';
  if (typeof v === 'object') return 'một nhóm trường';
  return `${TYPE_NAMES[typeof v] ?? typeof v} ${JSON.stringify(v)}`;
}

/** At most this many errors of one file are shown; the rest are counted. */
export const MAX_ERRORS = 50;

/** Several input errors of one file, shown together sorted by line: the first is the error's own location. */
export class InputErrors extends InputError {
  readonly errors: InputError[];
  constructor(errors: InputError[]) {
    const sorted = [...errors].sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
    const first = sorted[0]!;
    super(first.loc, first.field, first.problem, first.fix);
    this.errors = sorted;
    this.name = 'InputErrors';
    const shown = sorted.slice(0, MAX_ERRORS).map((e) => e.message);
    const more = sorted.length - shown.length;
    this.message = shown.join('\n') + (more > 0 ? `\n… và ${more} lỗi nữa` : '');
  }
}

/** The errors of one file as one throwable error (itself when there is one); duplicates dropped. */
export function combineErrors(errors: InputError[]): InputError {
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(e.message) && !!seen.add(e.message));
  return unique.length === 1 ? unique[0]! : new InputErrors(unique);
}

/** An error message as printed: "✗ " before each error's line (a combined error has one per line). */
export const marked = (message: string): string => message.split('\n').map((l) => (l.startsWith('… ') ? l : `✗ ${l}`)).join('\n');

/** Each error of a (possibly combined) input error, for JSON output. */
export const eachError = (e: InputError): InputError[] => (e instanceof InputErrors ? e.errors : [e]);
