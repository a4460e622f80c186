// The wording of a meeting's time, shared by the giấy mời and the biên bản: "08 giờ 00, thứ Sáu,
// ngày 15 tháng 3 năm 2024", as the sector's invitations write it.

import { longDate, parseIsoDate } from '../text/date.ts';

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

/** "08 giờ 30" from "08:30". */
export const clockText = (hhmm: string): string => {
  const [h, m] = hhmm.split(':') as [string, string];
  return `${h.padStart(2, '0')} giờ ${m}`;
};

/** "08 giờ 00, thứ Sáu, ngày 15 tháng 3 năm 2024"; the date alone when no hour is given. */
export function meetingTime(iso: string, hhmm?: string): string {
  const d = parseIsoDate(iso)!;
  const wd = WEEKDAYS[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()]!;
  return `${hhmm ? `${clockText(hhmm)}, ` : ''}${wd}, ${longDate(d)}`;
}
