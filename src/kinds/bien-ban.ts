// Biên bản, Phụ lục III Mẫu 1.9 (BB): no địa danh and date in the header; thời gian, địa điểm, thành
// phần, chủ trì and thư ký from fields, the author's body, the time it ended; THƯ KÝ (left) and CHỦ TỌA
// (right) sign side by side, and a Nơi nhận, when given, goes under the thư ký's signature.

import type { Block } from '../model/ast.ts';
import { para, type Kind } from './kind.ts';
import { meetingTime } from './meeting.ts';

const dash = (text: string): Block => ({ type: 'item', level: 1, ordered: false, content: [{ type: 'text', text }] });
const person = (p: { ho_ten: string; chuc_vu?: string }) => (p.chuc_vu ? `${p.ho_ten}, ${p.chuc_vu}` : p.ho_ten);

export const bienBan: Kind = {
  loai: 'bien-ban',
  name: 'Biên bản',
  abbr: 'BB',
  bodyOptional: true,
  noPlaceDate: true,
  ownClosing: true,
  fields: ({ z, line, isoDate, time, base }) => {
    const who = z.strictObject({ ho_ten: line.describe('Họ tên'), chuc_vu: line.optional().describe('Chức vụ') });
    return {
      hinh_thuc: z.enum(['cuộc họp', 'hội nghị', 'hội thảo'], { error: 'chỉ nhận "cuộc họp", "hội nghị" hoặc "hội thảo"' }).default('cuộc họp').describe('Cuộc họp, hội nghị hay hội thảo'),
      thoi_gian: z.strictObject({ ngay: isoDate.describe('Ngày yyyy-mm-dd'), gio: time.describe('Giờ hh:mm, ví dụ 08:30') }).describe('Thời gian bắt đầu: ngày yyyy-mm-dd và giờ hh:mm'),
      ket_thuc: z.strictObject({ gio: time.describe('Giờ kết thúc hh:mm'), ngay: isoDate.optional().describe('Ngày kết thúc yyyy-mm-dd, khi khác ngày bắt đầu') }).describe('Giờ kết thúc (và ngày, nếu khác ngày bắt đầu)'),
      dia_diem: line.describe('Địa điểm'),
      thanh_phan: z.array(line).min(1, { error: 'cần ít nhất một thành phần tham dự' }).describe('Thành phần tham dự, mỗi dòng một người hoặc nhóm'),
      chu_toa: who.describe('Chủ trì (chủ tọa): ký bên phải, dưới "CHỦ TỌA"'),
      thu_ky: who.describe('Thư ký (người ghi biên bản): ký bên trái, dưới "THƯ KÝ"'),
      // The header has no địa danh and date (Mẫu 1.9), the two signers are chu_toa and thu_ky.
      dia_danh: base.dia_danh!.optional(),
      noi_nhan: base.noi_nhan!.optional(),
      luu: base.luu!.optional(),
      nguoi_ky: z.undefined({ error: 'biên bản do "chu_toa" và "thu_ky" ký, không dùng "nguoi_ky"' }).optional().describe('Không dùng: biên bản do chủ tọa và thư ký ký'),
    };
  },
  bodyBefore(input) {
    const t = input.thoi_gian as { ngay: string; gio: string };
    const members = input.thanh_phan as string[];
    return [
      para(`Thời gian bắt đầu: ${meetingTime(t.ngay, t.gio)}.`),
      para(`Địa điểm: ${String(input.dia_diem)}.`),
      para('Thành phần tham dự:'),
      ...members.map((m, i) => dash(`${m}${i === members.length - 1 ? '.' : ';'}`)),
      para(`Chủ trì (chủ tọa): ${person(input.chu_toa as { ho_ten: string })}.`),
      para(`Thư ký (người ghi biên bản): ${person(input.thu_ky as { ho_ten: string })}.`),
      para('Nội dung:'),
    ];
  },
  bodyAfter(input) {
    const t = input.thoi_gian as { ngay: string };
    const end = input.ket_thuc as { gio: string; ngay?: string };
    const form = String(input.hinh_thuc);
    return [para(`${form.charAt(0).toLocaleUpperCase('vi')}${form.slice(1)} kết thúc vào ${meetingTime(end.ngay ?? t.ngay, end.gio)}.`)];
  },
  compose(input, part, kit) {
    const left = input.thu_ky as { ho_ten: string };
    const right = input.chu_toa as { ho_ten: string };
    const recipients = input.noi_nhan ? kit.recipients(input.noi_nhan as string[], (input.luu as string[] | undefined) ?? ['VT', 'Hồ sơ']) : [];
    part.closing = { recipients, signature: { lines: ['CHỦ TỌA'], name: right.ho_ten }, cosignature: { lines: ['THƯ KÝ'], name: left.ho_ten } };
  },
};
