import { describe, expect, it } from 'vitest';
import { signatureForm } from '../../src/check/rules/signature.ts';
import { brief, run, runReal } from './helpers.ts';

describe('signature-form', () => {
  it('finds an authority mark written without its full stop, with a slash or run on', () => {
    expect(run(signatureForm, 'K/T CHỦ TỊCH\nPHÓ CHỦ TỊCH').map((f) => f.replacement!.to)).toEqual(['KT. CHỦ TỊCH']);
    expect(run(signatureForm, 'T/M. ĐOÀN KIỂM TRA\nTRƯỞNG ĐOÀN').map((f) => f.replacement!.to)).toEqual(['TM. ĐOÀN KIỂM TRA']);
    expect(run(signatureForm, 'TM ỦY BAN NHÂN DÂN\nCHỦ TỊCH').map((f) => f.replacement!.to)).toEqual(['TM. ỦY BAN NHÂN DÂN']);
    expect(run(signatureForm, 'KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC').map((f) => f.replacement!.to)).toEqual(['KT. GIÁM ĐỐC']);
  });
  it('finds a KT. signed by the head himself', () => {
    expect(brief(run(signatureForm, 'KT. GIÁM ĐỐC\nGIÁM ĐỐC\n\nNguyễn Văn A'))).toEqual(['1 signature-form KT. GIÁM ĐỐC']);
  });
  it('accepts the signature blocks of real documents (TM., KT., TL. as written) and words that only begin alike', () => {
    expect(runReal(signatureForm, 'web-quyet-dinh-6154-qd-ubnd-che-do-dieu-duong-luan-phien.md')).toEqual([]);
    expect(runReal(signatureForm, 'web-cong-van-1414-tct-cs-ho-tro-nguoi-co-cong-voi-cach-mang-cai.md')).toEqual([]);
    expect(run(signatureForm, 'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nQUYẾT ĐỊNH\nTL BỘ TRƯỞNG tại dòng thường')).toEqual([]);
  });

  it('finds a deputy who signs without "KT." (Thư ngỏ of UBND huyện Mai Châu: "PHÓ CHỦ TỊCH UBND HUYỆN")', () => {
    expect(runReal(signatureForm, 'page-thu-ngo-ubnd-mai-chau-2019.txt')).toEqual(['25 PHÓ CHỦ TỊCH UBND HUYỆN']);
    const [f] = run(signatureForm, 'Nơi nhận:\n- Lưu: VT.\nPHÓ GIÁM ĐỐC\nTrần Văn An');
    expect(f!.fix).toBe('thêm dòng "KT. GIÁM ĐỐC" ngay trên "PHÓ GIÁM ĐỐC"');
    expect(run(signatureForm, 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An')).toEqual([]);
    // a title in a sentence's heading, no signer under it
    expect(run(signatureForm, 'PHÓ CHỦ TỊCH\n1. Nhiệm vụ của Phó Chủ tịch.')).toEqual([]);
  });
});
