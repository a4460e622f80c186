// "Kính gửi:" (ô 9a), shared by the kinds that carry it (công văn; tờ trình and báo cáo sent upward):
// the recipients' lines, and Nơi nhận opening with "- Như trên;" (Phụ lục I, II.9.b).

import type { Part } from '../model/ast.ts';
import { stripListPunctuation } from '../text/wording.ts';
import type { ComposeKit, FieldKit, Kind } from './kind.ts';

export const NHU_TREN = 'Như trên';

export const kinhGuiField = ({ z, line }: FieldKit) =>
  z.array(line).min(1, { error: 'cần ít nhất một nơi nhận sau "Kính gửi:"' }).describe('Kính gửi: mỗi cơ quan, cá nhân một dòng, không cần "-" và ";"');

/** One recipient on the "Kính gửi:" line, several as a dash list under it, ";" each and "." last. */
export function addresseeLines(items: string[]): string[] {
  const names = items.map((i) => stripListPunctuation(i).text);
  if (names.length === 1) return [`Kính gửi: ${names[0]}.`];
  return ['Kính gửi:', ...names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`)];
}

/** Sets the part's Kính gửi and makes its Nơi nhận open with "- Như trên;". */
export function addAddressees(part: Part, items: string[], kit: ComposeKit): void {
  part.addressees = { lines: addresseeLines(items) };
  const recipients = part.closing?.recipients;
  if (recipients && !/^- Như trên;/u.test(recipients[0] ?? '')) {
    recipients.unshift(`- ${NHU_TREN};`);
    kit.note('Nơi nhận mở đầu bằng "- Như trên;" vì văn bản có "Kính gửi" (Phụ lục I, II.9.b)');
  }
}

/** The fields and parts of a kind that may be sent upward (tờ trình, báo cáo): an optional "Kính gửi:". */
export const sentUpward: Pick<Kind, 'fields' | 'compose'> = {
  fields: (kit) => ({ kinh_gui: kinhGuiField(kit).optional() }),
  compose(input, part, kit) {
    if (input.kinh_gui) addAddressees(part, input.kinh_gui as string[], kit);
  },
};
