// WCAG 2.x contrast maths for rating badges. A badge shows its label on the rating colour, so
// the label colour must be chosen from the background rather than fixed per rating: admins can
// pick any colour for a custom scale.

export const HEX_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export const BLACK = '#000000';
export const WHITE = '#ffffff';

function parseHexColor(hex: string): [number, number, number] {
  if (!HEX_COLOR_PATTERN.test(hex)) throw new TypeError(`Not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function linearise(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function computeRelativeLuminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex);
  return 0.2126 * linearise(r) + 0.7152 * linearise(g) + 0.0722 * linearise(b);
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function computeContrastRatio(a: string, b: string): number {
  const la = computeRelativeLuminance(a);
  const lb = computeRelativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever contrasts more with the rating's colour when used for its label. */
export function ratingTextColor(rating: { color: string }): typeof BLACK | typeof WHITE {
  return computeContrastRatio(rating.color, BLACK) >= computeContrastRatio(rating.color, WHITE) ? BLACK : WHITE;
}
