// Malformed inputs: each folder under test/fixtures/invalid/ holds one document (van-ban.yaml, with
// its Markdown body or campaign data) broken in exactly one way, and expected.txt, the exact error
// line a clerk must read: `file:line:col: trường "field": problem. Cách sửa: fix`.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/model/errors.ts';
import { composeDocument } from '../src/transform/compose.ts';
import { CASES, ENGLISH, expected, FIXTURES, LEAKS, ROOT } from './support/invalid-fixtures.ts';


const fixtureText = (name: string, file = 'van-ban.yaml'): string => readFileSync(join(FIXTURES, name, file), 'utf8');

/** What composing the case throws (undefined when it does not throw). */
function thrownBy(yamlPath: string, root = ROOT): unknown {
  try {
    composeDocument(yamlPath, root);
  } catch (error) {
    return error;
  }
  return undefined;
}

function inputError(name: string): InputError {
  const error = thrownBy(join(FIXTURES, name, 'van-ban.yaml'));
  if (!(error instanceof InputError)) {
    const what = error === undefined ? 'không báo lỗi gì' : `ném ${(error as Error)?.name}: ${(error as Error)?.message}`;
    throw new Error(`${name}: cần một InputError, nhưng composeDocument ${what}`);
  }
  return error;
}

/** 1-based line of the n-th (1-based) line of `text` matching `re`. */
function lineOf(text: string, re: RegExp, n = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i]!) && ++seen === n) return i + 1;
  throw new Error(`không thấy dòng khớp ${re} (lần ${n})`);
}


describe('các tệp lỗi mẫu (test/fixtures/invalid)', () => {
  it('có ít nhất 18 trường hợp, mỗi trường hợp có van-ban.yaml và expected.txt', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(18);
    for (const name of CASES) {
      expect(existsSync(join(FIXTURES, name, 'van-ban.yaml')), `${name}/van-ban.yaml`).toBe(true);
      expect(expected(name), `${name}/expected.txt`).toMatch(new RegExp(`^test/fixtures/invalid/${name}/[\\w.-]+:\\d+:\\d+: \\S`));
      expect(expected(name).split('\n'), `${name}/expected.txt chỉ một dòng`).toHaveLength(1);
    }
  });

  describe.each(CASES)('%s', (name) => {
    it('dừng văn bản bằng InputError đúng như expected.txt', () => {
      expect(inputError(name).message).toBe(expected(name));
    });

    it('vị trí lỗi nằm trong tệp được nêu và khớp với đầu thông báo', () => {
      const error = inputError(name);
      const { file, line, col } = error.loc;
      expect(isAbsolute(file), `đường dẫn tương đối: ${file}`).toBe(false);
      expect(file.startsWith('test/fixtures/invalid/' + name + '/'), file).toBe(true);
      const text = readFileSync(join(ROOT, file), 'utf8');
      const lines = text.split('\n');
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(Math.max(1, lines.length));
      expect(col).toBeGreaterThanOrEqual(1);
      expect(col).toBeLessThanOrEqual(Math.max(1, [...(lines[line - 1] ?? '')].length + 1));
      expect(error.message.startsWith(`${file}:${line}:${col}: `)).toBe(true);
      if (error.field) expect(error.message).toContain(`trường "${error.field}": `);
    });

    it('thông báo bằng tiếng Việt, không lộ chữ tiếng Anh hay chi tiết bên trong', () => {
      const error = inputError(name);
      const text = [error.field ? `trường "${error.field}"` : '', error.problem, error.fix ?? ''].join(' ');
      // The file name and quoted user values are the clerk's own words; judge only our wording.
      const ours = error.message.slice(error.loc.file.length).replace(/"[^"]*"/g, '""');
      expect(ours, error.message).not.toMatch(ENGLISH);
      expect(error.message).not.toMatch(LEAKS);
      expect(error.message).not.toContain('\n');
      expect(text).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    });
  });
});

describe('lỗi chỉ đúng dòng, đúng cột của chỗ sai', () => {
  // [case, file holding the mistake, the line that is wrong (n-th match), expected column or
  // 'quote' for the column of the opening quote]. Every line is found in the fixture text, so a
  // message pinned to line 1 or to the end of the file cannot pass by chance.
  const WHERE: [string, string, RegExp, number, number | 'quote' | null][] = [
    ['ngay-khong-co-that', 'van-ban.yaml', /^ngay:/, 1, 1],
    ['ngay-thang-13', 'van-ban.yaml', /^ngay:/, 1, 1],
    ['ngay-sai-dinh-dang', 'van-ban.yaml', /^ngay:/, 1, 1],
    ['ngay-la-so', 'van-ban.yaml', /^ngay:/, 1, 1],
    ['so-am', 'van-ban.yaml', /^so:/, 1, 1],
    ['so-chu', 'van-ban.yaml', /^so:/, 1, 1],
    ['luu-sai-kieu', 'van-ban.yaml', /^luu:/, 1, 1],
    ['loai-cong-van', 'van-ban.yaml', /^loai:/, 1, 1],
    ['noi-nhan-rong', 'van-ban.yaml', /^noi_nhan:/, 1, 1],
    ['tham-quyen-xyz', 'van-ban.yaml', /^ {2}tham_quyen: XYZ/, 1, 3],
    ['viet-tat-co-dau-cach', 'van-ban.yaml', /^ {2}viet_tat:/, 1, 3],
    ['sai-ten-truong', 'van-ban.yaml', /^trich_yue:/, 1, 1], // the misspelt key, not the top of the file
    ['yaml-trung-truong', 'van-ban.yaml', /^ngay:/, 2, 1], // the second declaration
    ['yaml-tab-thut-le', 'van-ban.yaml', /^\t/, 1, 1],
    ['yaml-thut-le-sai', 'van-ban.yaml', /^ {5}viet_tat:/, 1, 6], // the over-indented line, not the one above
    ['yaml-ngoac-kep-chua-dong', 'van-ban.yaml', /^trich_yeu: "/, 1, 'quote'], // where the quote opens, not the end of file
    ['noi-dung-khong-co-tep', 'van-ban.yaml', /^noi_dung:/, 1, 1],
    ['noi-dung-la-thu-muc', 'van-ban.yaml', /^noi_dung:/, 1, 1],
    ['kem-theo-khong-co-tep', 'van-ban.yaml', /^kem_theo:/, 1, 1],
    ['mau-khong-co', 'van-ban.yaml', /^mau:/, 1, 1],
    ['chien-dich-ngay-khong-co-that', 'chien-dich.yaml', /^ {2}den:/, 1, 3],
    ['markdown-so-go-tay', 'noi-dung.md', /^# I\. /, 1, null],
    ['markdown-so-go-tay-danh-sach', 'noi-dung.md', /^- a\) /, 1, null],
    ['markdown-khoi-ma', 'noi-dung.md', /^```/, 1, null],
    ['markdown-bang', 'noi-dung.md', /^\|/, 1, null],
    ['markdown-html', 'noi-dung.md', /^<div/, 1, null],
    ['tham-chieu-khong-co', 'noi-dung.md', /\(#khong-co\)/, 1, null], // in the body, not line 1 of the YAML
    ['nhan-trung-lap', 'noi-dung.md', /\{#ban-hanh\}/, 2, null], // the second use of the label
  ];

  it('bảng vị trí phủ mọi trường hợp có dòng sai cụ thể', () => {
    const whole = new Set(['tep-rong', 'goc-la-danh-sach', 'thieu-loai', 'thieu-trich-yeu', 'ky-thay-thieu-thay-mat', 'noi-dung-rong']);
    expect(CASES.filter((c) => !whole.has(c) && !WHERE.some(([n]) => n === c))).toEqual([]);
  });

  it.each(WHERE)('%s: %s, dòng khớp %s', (name, file, re, n, col) => {
    const text = fixtureText(name, file);
    const line = lineOf(text, re, n);
    const loc = inputError(name).loc;
    expect(loc.file).toBe(`test/fixtures/invalid/${name}/${file}`);
    expect(loc.line).toBe(line);
    if (col === 'quote') expect(loc.col).toBe(text.split('\n')[line - 1]!.indexOf('"') + 1);
    else if (col !== null) expect(loc.col).toBe(col);
  });
});

// Each fixture is broken in one way only: undoing that one change gives a document that composes.
describe('sửa đúng chỗ được báo thì văn bản dựng được', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'vanban-errors-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const BODY = '# Ban hành kèm theo Quyết định này Quy chế làm việc\n\n# Quyết định này có hiệu lực kể từ ngày ký.\n';
  type Repair = (edit: (file: string, from: string | RegExp, to: string) => void, write: (file: string, text: string) => void) => void;
  const yaml = (from: string | RegExp, to: string): Repair => (edit) => edit('van-ban.yaml', from, to);
  const md = (from: string | RegExp, to: string): Repair => (edit) => edit('noi-dung.md', from, to);
  const REPAIRS: Record<string, Repair> = {
    'chien-dich-ngay-khong-co-that': (edit) => edit('chien-dich.yaml', 'den: 2024-11-31', 'den: 2024-11-30'),
    'kem-theo-khong-co-tep': yaml(/^kem_theo: .*\n/m, ''),
    'ky-thay-thieu-thay-mat': yaml('  tham_quyen: KT\n', '  tham_quyen: KT\n  thay_mat: Bộ trưởng\n'),
    'loai-cong-van': yaml('loai: cong-dien', 'loai: quyet-dinh'),
    'luu-sai-kieu': yaml('luu: VT', 'luu: [VT]'),
    'markdown-bang': md(/^\|.*\n/gm, ''),
    'markdown-html': md(/^<div.*\n/m, ''),
    'markdown-khoi-ma': md(/```\n[^`]*```\n/, '- Phần một;\n- Phần hai.\n'),
    'markdown-so-go-tay': md('# I. Mục đích', '# Mục đích'),
    'markdown-so-go-tay-danh-sach': md(/^- [ab]\) /gm, '- '),
    'mau-khong-co': (edit, write) => {
      edit('van-ban.yaml', 'mau: khong-co-mau', 'noi_dung: noi-dung.md');
      write('noi-dung.md', BODY);
    },
    'ngay-khong-co-that': yaml('2023-02-29', '2024-02-29'),
    'ngay-la-so': yaml('ngay: 20240305', 'ngay: 2024-03-05'),
    'ngay-sai-dinh-dang': yaml('29/02/2024', '2024-02-29'),
    'ngay-thang-13': yaml('2024-13-01', '2024-12-01'),
    'nhan-trung-lap': md('ký. {#ban-hanh}', 'ký.'),
    'noi-dung-khong-co-tep': (_edit, write) => write('khong-co.md', BODY),
    'noi-dung-la-thu-muc': (edit, write) => {
      edit('van-ban.yaml', 'noi_dung: .', 'noi_dung: noi-dung.md');
      write('noi-dung.md', BODY);
    },
    'noi-dung-rong': (_edit, write) => write('noi-dung.md', BODY),
    'noi-nhan-rong': yaml('noi_nhan: []', 'noi_nhan: [Như Điều 3]'),
    'sai-ten-truong': yaml('trich_yue:', 'trich_yeu:'),
    'so-am': yaml('so: -3', 'so: 3'),
    'so-chu': yaml('so: abc', 'so: 3'),
    'tham-chieu-khong-co': md('[](#khong-co)', 'Điều 1'),
    'tham-quyen-xyz': yaml('tham_quyen: XYZ', 'tham_quyen: KT'),
    'thieu-loai': yaml(/^/, 'loai: quyet-dinh\n'),
    'thieu-trich-yeu': yaml(/^dia_danh: .*\n/m, '$&trich_yeu: Ban hành Quy chế làm việc\n'),
    'viet-tat-co-dau-cach': yaml('"B TP"', 'BTP'),
    'yaml-ngoac-kep-chua-dong': yaml(/^(trich_yeu: ".*)$/m, '$1"'),
    'yaml-tab-thut-le': yaml('\tchuc_vu:', '  chuc_vu:'),
    'yaml-thut-le-sai': yaml('     viet_tat:', '  viet_tat:'),
    'yaml-trung-truong': yaml('ngay: 2024-03-06\n', ''),
  };
  const NO_REPAIR = new Set(['tep-rong', 'goc-la-danh-sach']); // nothing of a document to keep

  it('mọi trường hợp (trừ tệp rỗng, tệp là danh sách) đều có cách sửa trong bảng này', () => {
    expect(CASES.filter((c) => !REPAIRS[c] && !NO_REPAIR.has(c))).toEqual([]);
  });

  it.each(Object.keys(REPAIRS))('%s', (name) => {
    const dir = join(tmp, name);
    cpSync(join(FIXTURES, name), dir, { recursive: true });
    const edit = (file: string, from: string | RegExp, to: string) => {
      const path = join(dir, file);
      const before = readFileSync(path, 'utf8');
      const after = before.replace(from, to);
      expect(after, `${name}: không sửa được ${file}`).not.toBe(before);
      writeFileSync(path, after);
    };
    const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
    REPAIRS[name]!(edit, write);
    // The repaired copy is its own project: files outside the project root are never read.
    const error = thrownBy(join(dir, 'van-ban.yaml'), dir);
    expect(error === undefined ? '' : String((error as Error).message), name).toBe('');
  });
});
