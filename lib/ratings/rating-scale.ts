import { z } from 'zod';
import { HEX_COLOR_PATTERN } from './rating-color';

// Keys are stored with every verdict and in saved settings, so this pattern must never get
// stricter: a stored scale that stops validating falls back to the default scale.
const KEY_PATTERN = /^[a-z0-9-]+$/;

export const ratingSchema = z.object({
  /** Stable identifier stored with verdicts; never shown to readers. */
  key: z
    .string()
    .trim()
    .min(1, 'Give the rating a key.')
    .max(60, 'Use at most 60 characters.')
    .regex(KEY_PATTERN, 'A key has only lower-case letters, digits and hyphens.'),
  /** The text verdict readers see; becomes ClaimReview `reviewRating.alternateName`. */
  label: z.string().trim().min(1, 'Give the rating a label.').max(60, 'Use at most 60 characters.'),
  /** Badge background, `#rrggbb`; the label colour comes from `ratingTextColor`. */
  color: z.string().regex(HEX_COLOR_PATTERN, 'Use a colour like #1a7f37.'),
  /** What the rating means, shown on the methodology page. */
  description: z.string().trim().max(500, 'Use at most 500 characters.').default(''),
  /** ClaimReview `ratingValue`; higher is more accurate. Whole numbers keep the published table readable. */
  value: z.number().int('Use a whole number.').min(-100).max(100),
});

export type Rating = z.output<typeof ratingSchema>;
export type RatingInput = z.input<typeof ratingSchema>;

export const ratingScaleSchema = z
  .array(ratingSchema)
  .min(2, 'A scale needs at least two ratings.')
  .max(15, 'Use at most 15 ratings.')
  .superRefine((scale, ctx) => {
    const seenKeys = new Set<string>();
    const seenLabels = new Set<string>();
    scale.forEach((rating, index) => {
      if (seenKeys.has(rating.key)) {
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `Rating keys must be unique. "${rating.key}" is used twice.` });
      }
      seenKeys.add(rating.key);
      // Compared without case: readers could not tell "False" from "false" apart.
      const label = rating.label.toLowerCase();
      if (seenLabels.has(label)) {
        ctx.addIssue({ code: 'custom', path: [index, 'label'], message: `Rating labels must be unique. "${rating.label}" is used twice.` });
      }
      seenLabels.add(label);
    });
    // ClaimReview needs bestRating > worstRating; a flat scale could never be published.
    if (scale.length > 1 && new Set(scale.map((r) => r.value)).size < 2) {
      ctx.addIssue({ code: 'custom', path: [], message: 'The best and worst ratings need different values.' });
    }
  });

/**
 * The five-step truth scale most fact-checkers use, plus two ratings that are not points on it.
 * Every rating needs a number for ClaimReview, so each of those two explains its number.
 */
export const DEFAULT_RATING_SCALE: Rating[] = [
  {
    key: 'true',
    label: 'True',
    color: '#166534',
    value: 5,
    description: 'The claim is accurate and nothing significant is missing.',
  },
  {
    key: 'mostly-true',
    label: 'Mostly true',
    color: '#4d7c0f',
    value: 4,
    description: 'The claim is accurate but needs clarification or additional information.',
  },
  {
    key: 'half-true',
    label: 'Half true',
    color: '#a16207',
    value: 3,
    description: 'The claim is partially accurate but leaves out important details or takes things out of context.',
  },
  {
    key: 'mostly-false',
    label: 'Mostly false',
    color: '#c2410c',
    value: 2,
    description: 'The claim contains an element of truth but ignores critical facts that would give a different impression.',
  },
  {
    key: 'false',
    label: 'False',
    color: '#b91c1c',
    value: 1,
    description: 'The claim is not accurate.',
  },
  {
    key: 'misleading',
    label: 'Misleading',
    color: '#7e22ce',
    value: 2,
    description:
      'The facts cited may be accurate, but they are presented so as to leave a false impression. ' +
      'Scored 2, like Mostly false, because what a reader comes away believing is mostly wrong.',
  },
  {
    key: 'unproven',
    label: 'Unproven',
    color: '#475569',
    value: 3,
    description:
      'The available evidence can neither confirm nor refute the claim. ' +
      'Scored 3, the middle of the scale, because it is a judgement neither for nor against the claim.',
  },
];

export function findRating(scale: readonly Rating[], key: string): Rating | undefined {
  return scale.find((rating) => rating.key === key);
}

/** The numeric range of a scale, as ClaimReview `bestRating` and `worstRating`. */
export function ratingBounds(scale: readonly Pick<Rating, 'value'>[]): { best: number; worst: number } {
  // Math.max() of nothing is -Infinity, which would reach published markup unnoticed.
  if (scale.length === 0) throw new RangeError('A rating scale needs at least one rating.');
  const values = scale.map((rating) => rating.value);
  return { best: Math.max(...values), worst: Math.min(...values) };
}
