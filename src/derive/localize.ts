// Rewording rules that carry the ministry's sentences over to one province: "Sở Tư pháp các tỉnh,
// thành phố trực thuộc Trung ương" becomes the province's own Sở, a bare "Phòng Tư pháp" becomes the
// province's district offices (or goes, where there is no district level), and so on.
// Each rule says what it did, for the change report.

import type { Profile } from './profile.ts';

/** Which rules apply: awards name the province's own bodies; every text gets the general ones. */
export type Scope = 'award' | 'general';

export interface Localized {
  text: string;
  changes: string[]; // what was reworded, in Vietnamese, for the report
  review: string[]; // what may still need a human look
}

const ALL_SO = 'Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương';
// "Phòng Tư pháp" on its own, not already qualified ("Phòng Tư pháp các huyện", "… cấp huyện").
const BARE_PHONG = /Phòng Tư pháp(?!\s+(?:các|cấp|huyện|quận|thị|thành|tỉnh))/gu;

interface Rule {
  scope: Scope | 'all';
  applies: (p: Profile) => boolean;
  apply: (text: string, p: Profile) => string;
  says: (p: Profile) => string;
}

const RULES: Rule[] = [
  {
    scope: 'award',
    applies: () => true,
    apply: (t) => t.replaceAll(`Giám đốc ${ALL_SO}`, 'Giám đốc Sở Tư pháp'),
    says: () => `"Giám đốc ${ALL_SO}" → "Giám đốc Sở Tư pháp"`,
  },
  {
    scope: 'award',
    applies: () => true,
    apply: (t, p) => t.replaceAll(`các tập thể là ${ALL_SO}`, `tập thể Sở Tư pháp ${p.fullName}`).replace(new RegExp(`(?:các )?${ALL_SO}`, 'gu'), `Sở Tư pháp ${p.fullName}`),
    says: (p) => `"${ALL_SO}" → "Sở Tư pháp ${p.fullName}"`,
  },
  {
    scope: 'award',
    applies: () => true,
    apply: (t) => t.replace(/\b(là|cho) các Sở Tư pháp/gu, '$1 Sở Tư pháp'),
    says: () => '"các Sở Tư pháp" → "Sở Tư pháp"',
  },
  {
    scope: 'all',
    applies: (p) => p.data.cap_huyen,
    apply: (t, p) => t.replace(BARE_PHONG, p.data.don_vi.cap_huyen!),
    says: (p) => `"Phòng Tư pháp" → "${p.data.don_vi.cap_huyen}"`,
  },
  {
    scope: 'all',
    applies: (p) => !p.data.cap_huyen,
    apply: (t) =>
      t
        .replace(/,\s*(?:các\s+)?Phòng Tư pháp(?=\s+và\s)/gu, '')
        .replace(/[,;]\s*(?:các\s+)?Phòng Tư pháp(?=[.;,])/gu, '')
        .replace(/(?:các\s+)?Phòng Tư pháp,\s*/gu, ''),
    says: () => 'bỏ "Phòng Tư pháp" (tỉnh không còn cấp huyện)',
  },
  {
    scope: 'all',
    applies: (p) => !p.data.cap_huyen,
    apply: (t) => t.replace(/tại cấp huyện/gu, 'tại cấp xã'),
    says: () => '"tại cấp huyện" → "tại cấp xã" (tỉnh không còn cấp huyện)',
  },
  {
    scope: 'all',
    applies: (p) => p.data.loai === 'thanh-pho',
    apply: (t) => t.replace(/Ủy ban nhân dân tỉnh\b/gu, 'Ủy ban nhân dân thành phố').replace(/UBND tỉnh\b/gu, 'UBND thành phố'),
    says: () => '"Ủy ban nhân dân tỉnh" → "Ủy ban nhân dân thành phố"',
  },
];

/** Carries one of the ministry's sentences over to the province. */
export function localize(text: string, profile: Profile, scope: Scope): Localized {
  let out = text;
  const changes: string[] = [];
  for (const rule of RULES) {
    if ((rule.scope !== 'all' && rule.scope !== scope) || !rule.applies(profile)) continue;
    const next = rule.apply(out, profile);
    if (next !== out) changes.push(rule.says(profile));
    out = next;
  }
  const review: string[] = [];
  if (scope === 'award' && out.includes('các tỉnh, thành phố trực thuộc Trung ương')) review.push('còn nói "các tỉnh, thành phố trực thuộc Trung ương"');
  if (!profile.data.cap_huyen && /Phòng Tư pháp|cấp huyện/u.test(out)) review.push('còn nhắc cấp huyện, nhưng tỉnh không còn cấp huyện');
  return { text: out, changes, review };
}
