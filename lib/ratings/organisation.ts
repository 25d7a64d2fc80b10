import { z } from 'zod';
import { isSafeHttpUrl } from '../markdown/is-safe-http-url';

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2_000, 'Use at most 2,000 characters.')
  .refine(isSafeHttpUrl, 'Enter a full web address starting with http:// or https://.');

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Give the organisation a name.').max(200, 'Use at most 200 characters.'),
  /** The public site's base URL; ClaimReview `url`s must be on this site. */
  url: httpUrlSchema,
  logoUrl: httpUrlSchema.nullable(),
  /** Markdown, rendered with lib/markdown on the methodology page. */
  methodology: z.string().trim().min(1, 'Describe the methodology.').max(50_000, 'Use at most 50,000 characters.'),
  /** Markdown. */
  correctionsPolicy: z.string().trim().min(1, 'Describe the corrections policy.').max(50_000, 'Use at most 50,000 characters.'),
});

export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;

const DEFAULT_METHODOLOGY = `## How we choose claims

We check statements that are specific, that can be verified against evidence, and that matter to our readers: claims by public figures, officials and institutions, and claims that are spreading widely. We do not rate opinions, predictions or satire. Choosing a claim says nothing about whether we expect it to be true.

## How we research

A reviewer traces each claim to its original source, collects the primary evidence (official data, documents, recordings, published research) and archives a copy of every source we rely on. We contact the person or organisation who made the claim and give them a fair chance to explain their evidence; if they do not reply, we say so. We check the context in which the claim was made, so that a quote is not rated on words taken out of their setting.

## How we rate

Every fact-check is read by a second person: an editor who did not propose the verdict must approve it before it is published. Our ratings, from most to least accurate, are **True**, **Mostly true**, **Half true**, **Mostly false** and **False**. **Misleading** is for accurate facts presented so that they leave a false impression, and **Unproven** is for claims the available evidence can neither confirm nor refute. Each rating also has a number, which search engines read in the structured data we publish with every fact-check; the rating scale on this page lists the numbers and what each rating means.

Every published fact-check lists the sources we used, with links, so readers can follow our reasoning and reach their own conclusions.`;

const DEFAULT_CORRECTIONS_POLICY = `We make mistakes, and when we do we correct them openly. If a published fact-check contains an error of fact, we fix it and add a dated correction note at the top of the page that says what was wrong and what we changed. If new evidence changes a verdict, the page shows the new rating together with the earlier one and the reason for the change; we never silently replace a verdict.

Small fixes that do not affect the meaning, such as spelling or formatting, are made without a note.

## How to ask for a correction

Write to us with a link to the fact-check, what you believe is wrong, and any evidence you have. An editor who did not work on the original fact-check reviews every request, and we aim to reply within five working days. Corrections and updates are also listed in our public feed.`;

export const DEFAULT_ORGANISATION: OrganisationSettings = {
  name: 'Factdesk Demo Desk',
  url: 'http://localhost:3000',
  logoUrl: null,
  methodology: DEFAULT_METHODOLOGY,
  correctionsPolicy: DEFAULT_CORRECTIONS_POLICY,
};
