// Pictures of an electronic issue: the signature image and the seal (src/layout/signature-pictures.ts
// places them), written as PNG parts under word/media/ and drawn as anchored pictures in front of the
// text, not wrapped, positioned from the signature space's top-left corner, so LibreOffice and Word put
// them where the PDF does.

import type { Picture } from '../../model/ast.ts';
import type { PicturePlacement } from '../../layout/signature-pictures.ts';
import { ptToEmu } from './units.ts';
import { escapeXml } from './xml.ts';

export const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

export interface MediaPart {
  path: string; // word/media/image1.png
  rId: string;
  png: Buffer;
}

/** The document's pictures: one part per distinct PNG, one drawing id per placement. */
export class Media {
  readonly parts: MediaPart[] = [];
  private readonly byData = new Map<string, MediaPart>();
  private drawings = 0;

  constructor(private readonly nextRelId: () => string) {}

  private part(p: Picture): MediaPart {
    let part = this.byData.get(p.png);
    if (!part) {
      part = { path: `word/media/image${this.parts.length + 1}.png`, rId: this.nextRelId(), png: Buffer.from(p.png, 'base64') };
      this.parts.push(part);
      this.byData.set(p.png, part);
    }
    return part;
  }

  /**
   * A run drawing the picture at its placement: x from the left of the column (the table cell), y from the
   * top of the anchor paragraph (the space before it included). `name` is what Word shows in its selection pane.
   */
  anchored(placement: PicturePlacement, name: string, yFromParagraphTopPt: number, layer: number): string {
    const part = this.part(placement.picture);
    const id = ++this.drawings;
    const cx = ptToEmu(placement.widthPt);
    const cy = ptToEmu(placement.heightPt);
    const label = escapeXml(name);
    return (
      '<w:r><w:drawing>' +
      `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${layer}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      '<wp:simplePos x="0" y="0"/>' +
      `<wp:positionH relativeFrom="column"><wp:posOffset>${ptToEmu(placement.xPt)}</wp:posOffset></wp:positionH>` +
      `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${ptToEmu(yFromParagraphTopPt)}</wp:posOffset></wp:positionV>` +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
      `<wp:docPr id="${id}" name="${label}" descr="${escapeXml(placement.picture.source)}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
      `<pic:nvPicPr><pic:cNvPr id="${id}" name="${label}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${part.rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    );
  }
}
