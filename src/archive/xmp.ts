// Archive metadata in the PDF's XMP packet: dc:language, and the facts of a Vietnamese
// administrative document (số và ký hiệu, ngày ban hành, tên loại, cơ quan ban hành) in our own
// namespace. PDF/A (ISO 19005-2, 6.6.2.3) accepts a custom namespace only with an extension schema
// that describes it, so the packet carries that description too.
//
// Namespace: https://vanban.invalid/ns/xmp/1.0/ (prefix "vanban"), properties, all Text unless noted:
//   vanban:soKyHieu     "244/QĐ-BTP" (absent for a draft without a number)
//   vanban:ngayBanHanh  "2024-02-29" (Date; absent for an undated draft)
//   vanban:tenLoai      "Quyết định"
//   vanban:coQuanBanHanh "Bộ Tư pháp"
//   vanban:trichYeu     the trích yếu

import type { Meta } from '../model/ast.ts';

export const VANBAN_NS = 'https://vanban.invalid/ns/xmp/1.0/';
export const VANBAN_PREFIX = 'vanban';

const PROPERTIES: { name: string; type: 'Text' | 'Date'; description: string; value: (m: Meta) => string | null }[] = [
  { name: 'soKyHieu', type: 'Text', description: 'Số và ký hiệu văn bản', value: (m) => m.soKyHieu },
  { name: 'ngayBanHanh', type: 'Date', description: 'Ngày ban hành', value: (m) => m.date },
  { name: 'tenLoai', type: 'Text', description: 'Tên loại văn bản', value: (m) => m.docType },
  { name: 'coQuanBanHanh', type: 'Text', description: 'Cơ quan, tổ chức ban hành', value: (m) => m.issuer },
  { name: 'trichYeu', type: 'Text', description: 'Trích yếu nội dung', value: (m) => m.subject },
];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** rdf:Description elements to append inside the packet's rdf:RDF. */
export function archiveXmp(meta: Meta): string[] {
  const values = PROPERTIES.flatMap((p) => {
    const v = p.value(meta);
    return v === null ? [] : [`<${VANBAN_PREFIX}:${p.name}>${esc(v)}</${VANBAN_PREFIX}:${p.name}>`];
  });
  const extension = PROPERTIES.map(
    (p) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${p.name}</pdfaProperty:name><pdfaProperty:valueType>${p.type}</pdfaProperty:valueType>` +
      `<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${esc(p.description)}</pdfaProperty:description></rdf:li>`,
  ).join('');
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${esc(meta.language)}</rdf:li></rdf:Bag></dc:language></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:${VANBAN_PREFIX}="${VANBAN_NS}">${values.join('')}</rdf:Description>`,
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">' +
      '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
      `<pdfaSchema:schema>vanban: văn bản hành chính theo Nghị định 30/2020/NĐ-CP</pdfaSchema:schema><pdfaSchema:namespaceURI>${VANBAN_NS}</pdfaSchema:namespaceURI><pdfaSchema:prefix>${VANBAN_PREFIX}</pdfaSchema:prefix>` +
      `<pdfaSchema:property><rdf:Seq>${extension}</rdf:Seq></pdfaSchema:property>` +
      '</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>',
  ];
}
