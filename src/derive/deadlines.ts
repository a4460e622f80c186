// Local deadlines: the Sở asks its own units for their plans and reports before the ministry's date,
// so that it can collect them and answer the ministry in time.
// Rule: local = ministry − truoc_han_ngay days; on a Saturday, Sunday or public holiday (holidays.ts),
// the working day before; it must fall strictly before the ministry's deadline and not before the
// campaign starts.

import { InputError } from '../model/errors.ts';
import { addDays, isWeekend, parseIsoDate, shortDate, toIso, type CalendarDate } from '../text/date.ts';
import { holidayOn, isWorkingDay } from './holidays.ts';
import type { Profile } from './profile.ts';

/** The working day on or before the date: weekends and public holidays skipped. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** Why a date is not a working day, in Vietnamese ("cuối tuần", "Tết Nguyên đán"), or null. */
export function dayOffReason(date: CalendarDate): string | null {
  return isWeekend(date) ? 'cuối tuần' : holidayOn(date);
}

export interface LocalDeadline {
  ministry: CalendarDate; // the ministry's deadline
  nominal: CalendarDate; // ministry − lead days, before the weekend rule
  date: CalendarDate; // the local deadline
  moved: boolean; // true when the nominal date fell on a weekend or holiday
  because: string | null; // why it moved: "cuối tuần" or the holiday's name
}

export type DeadlineProblem = 'not-before-ministry' | 'before-campaign-start';

/** Computes a local deadline; `problem` says why it cannot be used (null when it can). */
export function localDeadline(ministry: CalendarDate, leadDays: number, campaignStart: CalendarDate): LocalDeadline & { problem: DeadlineProblem | null } {
  const nominal = addDays(ministry, -leadDays);
  const date = workingDayOnOrBefore(nominal);
  const iso = toIso(date);
  const problem: DeadlineProblem | null = iso >= toIso(ministry) ? 'not-before-ministry' : iso < toIso(campaignStart) ? 'before-campaign-start' : null;
  return { ministry, nominal, date, moved: iso !== toIso(nominal), because: dayOffReason(nominal), problem };
}

/**
 * The local deadline for one of the ministry's deadlines, for a province; an unusable one is an
 * error located at the profile's "truoc_han_ngay" line, since that is what the clerk must change.
 */
export function deriveDeadline(ministryIso: string, profile: Profile, campaignStartIso: string): LocalDeadline {
  const ministry = parseIsoDate(ministryIso)!;
  const start = parseIsoDate(campaignStartIso)!;
  const lead = profile.data.truoc_han_ngay;
  const d = localDeadline(ministry, lead, start);
  const loc = profile.yaml.locate(['truoc_han_ngay']);
  if (d.problem === 'not-before-ministry')
    throw new InputError(loc, 'truoc_han_ngay', `hạn của Sở (${shortDate(d.date)}) không trước hạn của Bộ (${shortDate(ministry)}); hạn của Sở phải sớm hơn để kịp tổng hợp, báo cáo Bộ`, 'đặt truoc_han_ngay từ 1 trở lên, thường là 5 đến 10 ngày');
  if (d.problem === 'before-campaign-start')
    throw new InputError(loc, 'truoc_han_ngay', `sớm hơn ${lead} ngày thì hạn của Sở (${shortDate(d.date)}) rơi trước ngày bắt đầu phong trào (${shortDate(start)})`, `giảm truoc_han_ngay xuống dưới ${maxLead(ministry, start)} ngày`);
  return d;
}

/** The largest lead time that still lands on or after the campaign start (for the fix hint). */
function maxLead(ministry: CalendarDate, start: CalendarDate): number {
  let n = 0;
  while (toIso(workingDayOnOrBefore(addDays(ministry, -(n + 1)))) >= toIso(start)) n++;
  return n + 1;
}
