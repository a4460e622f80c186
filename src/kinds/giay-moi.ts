// Giấy mời, Phụ lục III Mẫu 1.7 (GM): "<cơ quan> trân trọng kính mời: …", "Tới dự …", "Chủ trì:",
// "Thời gian:", "Địa điểm:" from structured fields; the author's body, if any, follows them.

import type { Block } from '../model/ast.ts';
import { para, type Kind } from './kind.ts';
import { meetingTime } from './meeting.ts';

const dash = (text: string): Block => ({ type: 'item', level: 1, ordered: false, content: [{ type: 'text', text }] });

export const giayMoi: Kind = {
  loai: 'giay-moi',
  name: 'Giấy mời',
  abbr: 'GM',
  bodyOptional: true,
  fields: ({ z, line, isoDate, time }) => ({
    kinh_moi: z.union([line, z.array(line).min(1)]).describe('Người, cơ quan được mời: một dòng, hoặc danh sách mỗi nơi một dòng'),
    toi_du: line.describe('Tới dự …: tên cuộc họp, hội nghị ("Hội nghị sơ kết công tác tư pháp 6 tháng đầu năm 2024")'),
    chu_tri: line.optional().describe('Người chủ trì: "Đồng chí Nguyễn Văn A, Giám đốc Sở"'),
    thoi_gian: z.strictObject({ ngay: isoDate.describe('Ngày yyyy-mm-dd'), gio: time.describe('Giờ hh:mm, ví dụ 08:30') }).describe('Thời gian: ngày yyyy-mm-dd và giờ hh:mm'),
    dia_diem: line.describe('Địa điểm'),
  }),
  bodyBefore(input) {
    const who = input.kinh_moi as string | string[];
    const t = input.thoi_gian as { ngay: string; gio: string };
    const list = typeof who === 'string' ? null : who.map((w, i) => dash(`${w}${i === who.length - 1 ? '' : ';'}`));
    return [
      para(`${input.co_quan.ten} trân trọng kính mời:${list ? '' : ` ${String(who)}`}`),
      ...(list ?? []),
      para(`Tới dự ${String(input.toi_du)}.`),
      ...(input.chu_tri ? [para(`Chủ trì: ${String(input.chu_tri)}.`)] : []),
      para(`Thời gian: ${meetingTime(t.ngay, t.gio)}.`),
      para(`Địa điểm: ${String(input.dia_diem)}.`),
    ];
  },
};
