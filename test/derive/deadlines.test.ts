// Local deadlines are dates: ministry − lead days, moved back off weekends, strictly before the
// ministry's, never before the campaign starts; an unusable one names the profile's line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveDeadline, localDeadline, workingDayOnOrBefore } from '../../src/derive/deadlines.ts';
import { loadProfile } from '../../src/derive/profile.ts';
import { InputError } from '../../src/model/errors.ts';
import { isWeekend } from '../../src/text/date.ts';

const d = (y: number, m: number, day: number) => ({ y, m, d: day });
const START = d(2024, 1, 1);
const FIXTURES = join(import.meta.dirname, '../fixtures/derive');

describe('working day on or before', () => {
  it('keeps a weekday and moves Saturday and Sunday back to Friday', () => {
    expect(workingDayOnOrBefore(d(2024, 3, 8))).toEqual(d(2024, 3, 8)); // Friday
    expect(workingDayOnOrBefore(d(2024, 3, 9))).toEqual(d(2024, 3, 8)); // Saturday
    expect(workingDayOnOrBefore(d(2024, 3, 10))).toEqual(d(2024, 3, 8)); // Sunday
    expect(workingDayOnOrBefore(d(2024, 3, 11))).toEqual(d(2024, 3, 11)); // Monday
  });

  it('crosses a month boundary', () => {
    expect(workingDayOnOrBefore(d(2024, 6, 1))).toEqual(d(2024, 5, 31)); // Saturday 1 June → Friday 31 May
  });
});

describe('local deadline', () => {
  const ministry = d(2024, 3, 15); // Friday, the date of 244/QĐ-BTP's plan

  it('is the ministry deadline minus the lead days on a weekday', () => {
    const r = localDeadline(ministry, 7, START);
    expect(r).toMatchObject({ date: d(2024, 3, 8), nominal: d(2024, 3, 8), moved: false, problem: null });
  });

  it('moves back to the working day before when it falls on a weekend', () => {
    const sunday = localDeadline(ministry, 5, START); // 10/3/2024 is a Sunday
    expect(sunday).toMatchObject({ nominal: d(2024, 3, 10), date: d(2024, 3, 8), moved: true, problem: null });
    const saturday = localDeadline(ministry, 6, START);
    expect(saturday).toMatchObject({ nominal: d(2024, 3, 9), date: d(2024, 3, 8), moved: true });
  });

  it('is always a working day strictly before the ministry deadline, for every lead from 1 to 60 days', () => {
    for (let lead = 1; lead <= 60; lead++) {
      const r = localDeadline(ministry, lead, START);
      expect(isWeekend(r.date)).toBe(false);
      expect(r.problem).toBeNull();
      expect(r.date.m < 3 || r.date.d < 15).toBe(true);
    }
  });

  it('is a problem when it is not strictly before the ministry deadline', () => {
    expect(localDeadline(ministry, 0, START).problem).toBe('not-before-ministry');
    // A ministry deadline on a Sunday with a lead of 0 moves to Friday: before it, so usable.
    expect(localDeadline(d(2024, 3, 17), 0, START)).toMatchObject({ date: d(2024, 3, 15), problem: null });
  });

  it('is a problem when it falls before the campaign starts', () => {
    expect(localDeadline(ministry, 73, START)).toMatchObject({ date: d(2024, 1, 2), problem: null }); // Tuesday, the first working day
    // Monday 1/1/2024 is Tết Dương lịch: the working day before it is in 2023.
    expect(localDeadline(ministry, 74, START)).toMatchObject({ nominal: d(2024, 1, 1), date: d(2023, 12, 29), because: 'Tết Dương lịch', problem: 'before-campaign-start' });
    expect(localDeadline(ministry, 75, START)).toMatchObject({ nominal: d(2023, 12, 31), date: d(2023, 12, 29), problem: 'before-campaign-start' });
    expect(localDeadline(ministry, 80, START).problem).toBe('before-campaign-start');
  });
});

describe('deriveDeadline: errors located at the profile line to change', () => {
  it('returns the local date for a good profile', () => {
    const p = loadProfile(join(FIXTURES, 'ho-so/tinh-mau.yaml'));
    expect(deriveDeadline('2024-03-15', p, '2024-01-01')).toMatchObject({ date: d(2024, 3, 8), moved: true });
  });

  it.each([
    ['khong-truoc-han-bo.yaml', /không trước hạn của Bộ \(15\/3\/2024\)/u],
    ['han-truoc-khi-bat-dau.yaml', /rơi trước ngày bắt đầu phong trào \(01\/01\/2024\).*giảm truoc_han_ngay xuống dưới 74 ngày/u],
  ])('%s', (name, message) => {
    const p = loadProfile(join(FIXTURES, 'ho-so-loi', name));
    let error: unknown;
    try {
      deriveDeadline('2024-03-15', p, '2024-01-01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.field).toBe('truoc_han_ngay');
    expect(e.loc.file).toMatch(new RegExp(`${name}$`, 'u'));
    expect(e.loc.line).toBe(lineOf(p.yaml.file, 'truoc_han_ngay:'));
    expect(e.message).toMatch(message);
  });
});

function lineOf(file: string, text: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.findIndex((l) => l.startsWith(text)) + 1;
}
