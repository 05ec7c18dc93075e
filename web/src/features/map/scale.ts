/** One legend entry: counts from `min` to `max` inclusive are painted `fill` with `text` on top. */
export interface Bucket {
  min: number;
  max: number;
  fill: string;
  text: string;
}

// A sequential blue ramp, light to dark; the zero colour is a neutral grey so "none" reads as absence.
const RAMP = ['#d0e2f5', '#9ec3e6', '#6aa1d4', '#2f6aa8', '#17427a'];
// Lighter than the palest blue, and drawn with a dashed edge (Cartogram.module.css), so 0 never reads as 1.
export const ZERO_FILL = '#f8f9fa';
const DARK_TEXT = '#1a1b1e';
const LIGHT_TEXT = '#ffffff';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever reads better on the fill. */
export function textOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/**
 * Up to five equal-width buckets from 1 to the largest count (one per value when the largest is 5 or
 * less), so that a stream of 80 people over 82 regions still shows its 3- and 4-person regions apart.
 */
export function bucketsFor(maxCount: number): Bucket[] {
  if (maxCount <= 0) return [];
  const steps = Math.min(RAMP.length, maxCount);
  const width = Math.ceil(maxCount / steps);
  const buckets: Bucket[] = [];
  for (let i = 0; i < steps; i++) {
    const min = i * width + 1;
    if (min > maxCount) break;
    const max = Math.min(maxCount, (i + 1) * width);
    // Spread the used colours over the whole ramp so few buckets still span light to dark.
    const fill = RAMP[steps === 1 ? RAMP.length - 1 : Math.round((i * (RAMP.length - 1)) / (steps - 1))]!;
    buckets.push({ min, max, fill, text: textOn(fill) });
  }
  return buckets;
}

/** The fill and text colours for one region's count. */
export function colourFor(count: number, buckets: readonly Bucket[]): { fill: string; text: string } {
  if (count <= 0) return { fill: ZERO_FILL, text: textOn(ZERO_FILL) };
  const bucket = buckets.find((b) => count >= b.min && count <= b.max) ?? buckets.at(-1);
  return bucket ? { fill: bucket.fill, text: bucket.text } : { fill: ZERO_FILL, text: textOn(ZERO_FILL) };
}
