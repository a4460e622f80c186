// Units of WordprocessingML: twips (1/20 pt) for lengths, half-points for type sizes, eighths of a
// point for border widths, EMUs for drawings. Millimetres go through the style sheet's mmToTwips, so
// the page is measured on the grid the layout stage uses.

export const TWIPS_PER_PT = 20;
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);
export const ptToEighths = (pt: number): number => Math.round(pt * 8);
/** English Metric Units: 12 700 to the point (drawing positions and extents). */
export const ptToEmu = (pt: number): number => Math.round(pt * 12_700);
/** Word's "auto" line spacing counts in 240ths of a single line. */
export const SINGLE_LINE = 240;
export const PT_PER_MM = 72 / 25.4;
