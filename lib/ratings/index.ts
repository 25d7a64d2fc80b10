// The desk's rating scale, checklist and organisation defaults, with the zod schemas that
// validate an admin's changes to them. Pure and isomorphic.
import { z } from 'zod';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1a7f37.');

export const ratingSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'Give the rating a key.')
    .max(60)
    .regex(/^[a-z0-9-]+$/, 'A key has only lower-case letters, digits and hyphens.'),
  label: z.string().trim().min(1, 'Give the rating a label.').max(60),
  color: hexColor,
  description: z.string().trim().max(500).default(''),
  value: z.number().int('Use a whole number.').min(-100).max(100),
});
export type Rating = z.output<typeof ratingSchema>;

export const ratingScaleSchema = z
  .array(ratingSchema)
  .min(2, 'A scale needs at least two ratings.')
  .max(15, 'Use at most 15 ratings.')
  .refine((scale) => new Set(scale.map((r) => r.key)).size === scale.length, 'Rating keys must be unique.')
  .refine((scale) => new Set(scale.map((r) => r.label.toLowerCase())).size === scale.length, 'Rating labels must be unique.')
  .refine((scale) => new Set(scale.map((r) => r.value)).size > 1, 'The best and worst ratings need different values.');

/**
 * Numbers are what ClaimReview's ratingValue carries (best 5, worst 1). Misleading sits with
 * False at 1: the claim as made leaves readers believing something untrue. Unproven gets 2,
 * not a middle value, because "no evidence for it" should not read as "half true".
 */
export const DEFAULT_RATING_SCALE: Rating[] = [
  { key: 'true', label: 'True', color: '#1a7f37', value: 5, description: 'The claim is accurate and nothing significant is missing.' },
  { key: 'mostly-true', label: 'Mostly true', color: '#4d8f1f', value: 4, description: 'The claim is accurate but needs clarification or additional information.' },
  { key: 'half-true', label: 'Half true', color: '#b08900', value: 3, description: 'The claim is partially accurate but leaves out important details or takes things out of context.' },
  { key: 'mostly-false', label: 'Mostly false', color: '#c2410c', value: 2, description: 'The claim contains an element of truth but ignores critical facts that would give a different impression.' },
  { key: 'false', label: 'False', color: '#b42318', value: 1, description: 'The claim is not accurate.' },
  { key: 'misleading', label: 'Misleading', color: '#8e24aa', value: 1, description: 'The facts may be right, but the claim is presented so as to give a false impression.' },
  { key: 'unproven', label: 'Unproven', color: '#57606a', value: 2, description: 'There is not enough evidence to prove or disprove the claim.' },
];

export function findRating(scale: readonly Rating[], key: string): Rating | undefined {
  return scale.find((r) => r.key === key);
}

export function ratingBounds(scale: readonly Rating[]): { best: number; worst: number } {
  const values = scale.map((r) => r.value);
  return { best: Math.max(...values), worst: Math.min(...values) };
}

function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever has the higher WCAG contrast on the rating's colour. */
export function ratingTextColor(rating: Pick<Rating, 'color'>): '#000000' | '#ffffff' {
  const luminance = relativeLuminance(rating.color);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

export const checklistItemSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'Give the item a key.')
    .max(60)
    .regex(/^[a-z0-9-]+$/, 'A key has only lower-case letters, digits and hyphens.'),
  label: z.string().trim().min(1, 'Give the item a label.').max(120),
  required: z.boolean(),
});
export type ChecklistItem = z.output<typeof checklistItemSchema>;

export const checklistSchema = z
  .array(checklistItemSchema)
  .max(20, 'Use at most 20 checklist items.')
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'Checklist keys must be unique.');

export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { key: 'original-source', label: 'Original source found', required: true },
  { key: 'claimant-contacted', label: 'Claimant contacted', required: true },
  { key: 'context-checked', label: 'Context checked', required: true },
];

const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with http:// or https://.');

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Give the organisation a name.').max(200),
  url: httpUrl,
  logoUrl: httpUrl.nullable(),
  methodology: z.string().trim().min(1, 'Describe the methodology.').max(50_000),
  correctionsPolicy: z.string().trim().min(1, 'Describe the corrections policy.').max(50_000),
});
export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;

export const DEFAULT_ORGANISATION: OrganisationSettings = {
  name: 'Factdesk Demo Desk',
  url: 'http://localhost:3000',
  logoUrl: null,
  methodology: [
    'We check claims that are **specific**, **verifiable** and **significant**: statements of fact that many people have seen and that could mislead them if wrong. Opinions and predictions are not checked.',
    'A reviewer finds the original source of the claim, contacts the person or organisation that made it, and gathers evidence from primary sources: official data, documents, recordings and named experts. Every source we rely on is listed with the fact-check.',
    'A verdict is proposed by one member of the desk and approved by a second editor, who did not propose it. The rating reflects the evidence available on the day of publication.',
  ].join('\n\n'),
  correctionsPolicy: [
    'When we get something wrong, or new evidence changes a verdict, we correct the fact-check and say so at the top of the page, with the date and what changed. Earlier verdicts stay visible.',
    'Corrections go through the same two-person review as the original verdict. To report an error, write to the desk with a link to the fact-check and the evidence.',
  ].join('\n\n'),
};
