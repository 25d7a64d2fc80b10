import { z } from 'zod';

export const checklistItemSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'Give the item a key.')
    .max(60, 'Use at most 60 characters.')
    .regex(/^[a-z0-9-]+$/, 'A key has only lower-case letters, digits and hyphens.'),
  label: z.string().trim().min(1, 'Give the item a label.').max(120, 'Use at most 120 characters.'),
  /** Required items must be ticked before a verdict can be proposed. */
  required: z.boolean(),
});

export type ChecklistItem = z.output<typeof checklistItemSchema>;

export const checklistSchema = z
  .array(checklistItemSchema)
  .max(20, 'Use at most 20 checklist items.')
  .superRefine((items, ctx) => {
    // Ticks are stored per key, so two items sharing a key would tick and untick together.
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) {
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `Checklist keys must be unique. "${item.key}" is used twice.` });
      }
      seen.add(item.key);
    });
  });

export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { key: 'original-source', label: 'Original source found', required: true },
  { key: 'claimant-contacted', label: 'Claimant contacted', required: true },
  { key: 'context-checked', label: 'Context checked', required: true },
];
