// Every route out of the project root, one test each: a path that climbs with "..", an absolute
// path, a symlink pointing out, a FIFO. Each is refused at its field, and the refusal never shows
// the foreign file's content.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { deriveAll } from '../src/derive/command.ts';
import { ROOT } from './support/invalid-fixtures.ts';
import { BODY, DECISION, makeProject } from './support/project.ts';

const SECRET = 'BÍ-MẬT-KHÔNG-ĐƯỢC-IN-RA';
const outside = mkdtempSync(join(tmpdir(), 'vanban-ngoai-'));
writeFileSync(join(outside, 'bi-mat.md'), `# ${SECRET}\n`);
writeFileSync(join(outside, 'bi-mat.yaml'), `ten: ${SECRET}\n`);
writeFileSync(join(outside, 'mau.md.mustache'), `# ${SECRET}\n`);
const made: string[] = [outside];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function failure(files: Record<string, string>, setup?: (dir: string) => void): Promise<string> {
  const dir = makeProject({ 'data/noi-dung.md': BODY, ...files });
  made.push(dir);
  setup?.(dir);
  const result = await build(['data'], { outDir: 'out', root: dir, write: false });
  expect(result.built.map((b) => b.source)).toEqual([]);
  const messages = result.failed.map((f) => f.error.message).join('\n');
  expect(messages).not.toContain(SECRET);
  return messages;
}

const withField = (field: string, value: string) => DECISION.replace(/^noi_dung: .*$/m, `noi_dung: noi-dung.md\n${field}: ${value}`).replace(field === 'noi_dung' ? /^noi_dung: noi-dung.md\n/m : /(?!)/, '');

describe('chỉ đọc tệp trong thư mục dự án', () => {
  it('noi_dung leo ra ngoài bằng ".."', async () => {
    const rel = join('../'.repeat(12), outside.slice(1), 'bi-mat.md');
    expect(await failure({ 'data/van-ban.yaml': withField('noi_dung', rel) })).toBe(
      `data/van-ban.yaml:10:1: trường "noi_dung": tệp nội dung "${rel}" nằm ngoài thư mục dự án, không được đọc. Cách sửa: chép tệp vào thư mục dự án, hoặc chỉ thư mục dự án bằng --root`,
    );
  });

  it('noi_dung là đường dẫn tuyệt đối (/etc/passwd)', async () => {
    expect(await failure({ 'data/van-ban.yaml': withField('noi_dung', '/etc/passwd') })).toMatch(/^data\/van-ban\.yaml:10:1: trường "noi_dung": tệp nội dung "\/etc\/passwd" nằm ngoài thư mục dự án/);
  });

  it('noi_dung là liên kết tượng trưng chỉ ra ngoài', async () => {
    const msg = await failure({ 'data/van-ban.yaml': withField('noi_dung', 'lien-ket.md') }, (dir) => symlinkSync(join(outside, 'bi-mat.md'), join(dir, 'data/lien-ket.md')));
    expect(msg).toMatch(/trường "noi_dung": tệp nội dung "lien-ket.md" nằm ngoài thư mục dự án/);
  });

  it('noi_dung là ống dẫn FIFO: từ chối ngay, không treo', async () => {
    const msg = await failure({ 'data/van-ban.yaml': withField('noi_dung', 'ong.md') }, (dir) => execFileSync('mkfifo', [join(dir, 'data/ong.md')]));
    expect(msg).toMatch(/trường "noi_dung": tệp nội dung "ong.md" không phải một tệp thường/);
  });

  it('một tệp .yaml là FIFO trong data/: báo lỗi, không treo', async () => {
    const msg = await failure({ 'data/van-ban.yaml': 'loai: 1\n' }, (dir) => execFileSync('mkfifo', [join(dir, 'data/ong.yaml')]));
    expect(msg).toContain('data/ong.yaml:1:1: không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị)');
  });

  it('mau có ".." hay "/" trong tên', async () => {
    expect(await failure({ 'data/van-ban.yaml': withField('mau', '../../../tmp/x').replace(/^noi_dung: .*\n/m, '') })).toBe(
      'data/van-ban.yaml:10:1: trường "mau": tên mẫu "../../../tmp/x" không hợp lệ. Cách sửa: tên mẫu chỉ gồm chữ thường không dấu, số và dấu "-", không kèm thư mục hay đuôi .md.mustache',
    );
  });

  it('mẫu của dự án là liên kết chỉ ra ngoài', async () => {
    const msg = await failure({ 'data/van-ban.yaml': withField('mau', 'rieng').replace(/^noi_dung: .*\n/m, '') }, (dir) => {
      mkdirSync(join(dir, 'templates'));
      symlinkSync(join(outside, 'mau.md.mustache'), join(dir, 'templates/rieng.md.mustache'));
    });
    expect(msg).toMatch(/trường "mau": mẫu "templates\/rieng.md.mustache" nằm ngoài thư mục dự án/);
  });

  it('chien_dich ngoài dự án: không in nội dung tệp lạ', async () => {
    const msg = await failure({ 'data/van-ban.yaml': withField('chien_dich', join(outside, 'bi-mat.yaml')) });
    expect(msg).toMatch(/trường "chien_dich": tệp dữ liệu phong trào ".*bi-mat.yaml" nằm ngoài thư mục dự án/);
  });

  it('kem_theo ngoài dự án', async () => {
    const msg = await failure({ 'data/van-ban.yaml': withField('kem_theo', join(outside, 'bi-mat.yaml')) });
    expect(msg).toMatch(/trường "kem_theo": tệp văn bản kèm theo ".*bi-mat.yaml" nằm ngoài thư mục dự án/);
  });

  it('tệp dữ liệu trong data/ là liên kết chỉ ra ngoài', async () => {
    const msg = await failure({}, (dir) => symlinkSync(join(outside, 'bi-mat.yaml'), join(dir, 'data/la.yaml')));
    expect(msg).toBe('data/la.yaml:1:1: tệp dữ liệu nằm ngoài thư mục dự án (qua liên kết tượng trưng), không được đọc. Cách sửa: chép tệp vào thư mục dự án, hoặc chỉ thư mục dự án bằng --root');
  });

  it('--root rộng hơn cho phép đọc tệp ở thư mục cha', async () => {
    const dir = makeProject({ 'chung/noi-dung.md': BODY, 'du-an/data/van-ban.yaml': withField('noi_dung', '../../chung/noi-dung.md') });
    made.push(dir);
    const narrow = await build(['data'], { outDir: 'out', root: join(dir, 'du-an'), write: false });
    expect(narrow.failed.map((f) => f.error.message).join()).toContain('nằm ngoài thư mục dự án');
    const wide = await build(['du-an/data'], { outDir: 'out', root: dir, write: false });
    expect(wide.failed).toEqual([]);
    expect(wide.built).toHaveLength(1);
  });
});

describe('derive chỉ đọc tệp trong dự án', () => {
  it('--from là Quyết định có chien_dich chỉ ra ngoài: lỗi ở trường đó, không in nội dung tệp lạ', () => {
    const dir = makeProject({ 'data/bo/quyet-dinh.yaml': withField('chien_dich', join(outside, 'bi-mat.yaml')), 'data/bo/noi-dung.md': BODY });
    made.push(dir);
    let message = '';
    try {
      deriveAll({ from: 'data/bo/quyet-dinh.yaml', profile: [join(ROOT, 'profiles/2023-2024/ninh-thuan.yaml')], out: join(dir, 'ra'), root: dir });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^data\/bo\/quyet-dinh\.yaml:11:1: trường "chien_dich": tệp dữ liệu phong trào ".*bi-mat.yaml" nằm ngoài thư mục dự án, không được đọc/);
    expect(message).not.toContain(SECRET);
  });
});

describe('văn bản kèm theo chính nó', () => {
  it('Quyết định kèm theo chính nó là lỗi, không phải "0 văn bản"', async () => {
    expect(await failure({ 'data/van-ban.yaml': withField('kem_theo', 'van-ban.yaml') })).toBe(
      'data/van-ban.yaml:11:1: trường "kem_theo": văn bản kèm theo chính nó. Cách sửa: chỉ tới tệp Kế hoạch ban hành kèm theo, không phải tệp này',
    );
  });

  it('hai Quyết định kèm theo nhau: cả hai báo lỗi', async () => {
    const msg = await failure({ 'data/a.yaml': withField('kem_theo', 'b.yaml'), 'data/b.yaml': withField('kem_theo', 'a.yaml').replace('so: 47', 'so: 48') });
    expect(msg.split('\n').sort()).toEqual([
      'data/a.yaml:1:1: trường "loai": văn bản kèm theo Quyết định phải là "ke-hoach" hoặc "quy-che"',
      'data/b.yaml:1:1: trường "loai": văn bản kèm theo Quyết định phải là "ke-hoach" hoặc "quy-che"',
    ]);
  });
});

