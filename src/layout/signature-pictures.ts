// Where the signature and seal images of an electronic issue go, for both writers alike.
import type { Picture, Signature } from '../model/ast.ts';
import { PICTURES, SIGNATURE_SPACE_PT, mmToPt } from '../style/nd30.ts';

/** A picture's box, in points, from the top-left corner of the signature space of its column. */
export interface PicturePlacement {
  picture: Picture;
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

/** The signature space (between the last title line and the name) and the pictures drawn in it. */
export interface SignatureSpace {
  heightPt: number;
  image?: PicturePlacement; // the signer's signature, centred in the space
  seal?: PicturePlacement; // over the left third of the signature image, level with its centre (may reach past the space, as a stamped seal covers the title)
}

export function signatureSpace(sig: Signature, columnWidthPt: number): SignatureSpace {
  const image = sig.image ? size(sig.image) : undefined;
  const heightPt = Math.max(SIGNATURE_SPACE_PT, image ? image.heightPt + 2 * PICTURES.signatureMarginPt : 0);
  const out: SignatureSpace = { heightPt };
  if (image) out.image = { ...image, xPt: (columnWidthPt - image.widthPt) / 2, yPt: (heightPt - image.heightPt) / 2 };
  if (sig.seal) {
    const seal = size(sig.seal);
    // Without a signature image the seal is centred where the image would be.
    const anchorX = out.image ? out.image.xPt + out.image.widthPt * PICTURES.sealOverlap : columnWidthPt / 2 + seal.widthPt / 2;
    const centreY = out.image ? out.image.yPt + out.image.heightPt / 2 : heightPt / 2;
    out.seal = { ...seal, xPt: anchorX - seal.widthPt, yPt: centreY - seal.heightPt / 2 };
  }
  return out;
}

function size(picture: Picture): { picture: Picture; widthPt: number; heightPt: number } {
  return { picture, widthPt: mmToPt(picture.widthMm), heightPt: mmToPt(picture.heightMm) };
}
